// The arithmetic of the app's bar chart (components/bar-chart.tsx): round axis ticks, their
// labels, and which categories get an x label. Pure functions, tested beside.

export type ChartUnit = "money" | "count";

/**
 * Round ticks from 0 to at least `max`, about `count` steps: steps of 1, 2 or 5 × 10^n, never
 * less than a whole dollar (100 cents) or a whole count. An empty chart still gets an axis (0 and
 * one step).
 */
export function niceTicks(max: number, unit: ChartUnit, count = 4): number[] {
  const smallest = unit === "money" ? 100 : 1;
  const raw = Math.max(max, smallest) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(smallest, [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw) ?? 10 * power);
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step; tick += step) ticks.push(tick);
  return ticks.length < 2 ? [0, step] : ticks;
}

const compact = (value: number, unit: number, suffix: string) => `${(value / unit).toLocaleString("en-US", { maximumFractionDigits: 1 })}${suffix}`;

/**
 * A tick's label, short enough for a phone's axis: whole dollars up to $999 ("$400"), then
 * thousands and millions ("$1.5k", "$2M"); counts alike ("40", "1.2k"). The exact amounts are in
 * the chart's table and its bars' titles.
 */
export function tickLabel(value: number, unit: ChartUnit): string {
  const amount = unit === "money" ? value / 100 : value;
  const prefix = unit === "money" ? "$" : "";
  if (amount >= 1_000_000) return prefix + compact(amount, 1_000_000, "M");
  if (amount >= 1_000) return prefix + compact(amount, 1_000, "k");
  return prefix + amount.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/**
 * Which of `count` categories carry an x label: at most `max`, evenly spaced, counted back from the
 * latest so that the most recent category is always named. `phoneMax` gives a second, sparser
 * set for narrow screens, always a subset of the first (so one label is either on both or hidden
 * on phones only).
 */
export function xLabels(count: number, max: number, phoneMax: number): { labelled: boolean; onPhones: boolean }[] {
  const every = Math.max(1, Math.ceil(count / max));
  const shown = Math.ceil(count / every);
  const phoneEvery = every * Math.max(1, Math.ceil(shown / phoneMax));
  return Array.from({ length: count }, (_, index) => {
    const fromLatest = count - 1 - index;
    return { labelled: fromLatest % every === 0, onPhones: fromLatest % phoneEvery === 0 };
  });
}
