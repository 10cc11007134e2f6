import { useId, type ReactNode } from "react";
import { formatMoney } from "@/lib/money";

/**
 * The app's one bar chart (revenue, earnings, connects ROI): bars per category, stacked when
 * there are several bar series, optional marks (dots, diamonds) over them, a y axis with round
 * ticks labelled in dollars or counts, x labels (thinned when crowded), and a legend.
 *
 * Accessible: the SVG is one image (role="img") named by its <title> and described by its
 * <desc> (the summary); the numbers themselves are in a table, visually hidden unless the page
 * passes its own (`table`), so a screen reader reads every value. Negative values are drawn as
 * zero (the table has the real numbers).
 */
export type ChartUnit = "money" | "count";

export interface ChartSeries {
  key: string;
  label: string;
  /** A CSS colour. */
  color: string;
  /** Bars stack; dots and diamonds mark a value over the bars. */
  mark?: "bar" | "dot" | "diamond";
  /** One value per category (cents when the unit is money). */
  values: readonly (number | bigint)[];
}

export interface BarChartProps {
  /** The chart's name (its <title>). */
  title: string;
  /** What it shows, in a sentence or two: totals, the largest value (its <desc>). */
  summary: string;
  unit: ChartUnit;
  categories: readonly { key: string; label: string; fullLabel?: string }[];
  series: readonly ChartSeries[];
  /** The page's own table of the numbers; without it, a visually-hidden one is made from the series. */
  table?: ReactNode;
  /** Show the legend (default: when there is more than one series). */
  legend?: boolean;
}

// The drawing's own units: 400 wide, shown at most 512 px wide (max-w-lg), so its 12-unit text
// is about 9 px on a phone and 15 px on a desktop.
const W = 400;
const H = 200;
const PAD = { left: 52, right: 20, top: 12, bottom: 28 };
const MAX_X_LABELS = 6;

const num = (value: number | bigint) => Math.max(0, Number(value));

/** Round ticks from 0 to at least `max`: steps of 1, 2 or 5 × 10^n (whole dollars or whole counts at least). */
export function niceTicks(max: number, unit: ChartUnit, count = 4): number[] {
  const smallest = unit === "money" ? 100 : 1;
  const raw = Math.max(max, smallest) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(smallest, [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw) ?? 10 * power);
  const ticks: number[] = [];
  for (let tick = 0; tick < max + step; tick += step) ticks.push(tick);
  return ticks.length < 2 ? [0, step] : ticks;
}

/** A tick's label: whole dollars ("$1,200", "$15k" from $10,000) or counts. */
export function tickLabel(value: number, unit: ChartUnit): string {
  if (unit === "count") return value >= 10_000 ? `${value / 1000}k` : value.toLocaleString("en-US");
  const dollars = value / 100;
  if (dollars >= 10_000) return `$${(dollars / 1000).toLocaleString("en-US", { maximumFractionDigits: 1 })}k`;
  return `$${dollars.toLocaleString("en-US", { maximumFractionDigits: 2 })}`;
}

const valueText = (value: number | bigint, unit: ChartUnit) => (unit === "money" ? formatMoney(BigInt(value)) : String(value));

export function BarChart({ title, summary, unit, categories, series, table, legend }: BarChartProps) {
  const id = useId();
  const bars = series.filter((s) => (s.mark ?? "bar") === "bar");
  const marks = series.filter((s) => (s.mark ?? "bar") !== "bar");
  const stacked = categories.map((_, index) => bars.reduce((sum, s) => sum + num(s.values[index] ?? 0), 0));
  const max = Math.max(0, ...stacked, ...marks.flatMap((s) => s.values.map(num)));
  const ticks = niceTicks(max, unit);
  const top = ticks.at(-1)!;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (value: number) => PAD.top + plotH * (1 - value / top);
  const step = (W - PAD.left - PAD.right) / Math.max(1, categories.length);
  const barW = Math.min(40, Math.max(2, step * 0.64));
  const every = Math.ceil(categories.length / MAX_X_LABELS);
  const showLegend = legend ?? series.length > 1;

  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full max-w-lg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} stroke={tick === 0 ? "#94a3b8" : "#e2e8f0"} />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="12" fill="#475569">{tickLabel(tick, unit)}</text>
          </g>
        ))}
        {categories.map((category, index) => {
          const x = PAD.left + index * step + (step - barW) / 2;
          const mid = PAD.left + index * step + step / 2;
          let base = 0;
          // Labels are thinned from the latest category back, so the most recent one is always named.
          const labelled = (categories.length - 1 - index) % every === 0;
          return (
            <g key={category.key}>
              {bars.map((s) => {
                const value = num(s.values[index] ?? 0);
                const from = base;
                base += value;
                return value > 0 ? (
                  <rect key={s.key} x={x} width={barW} y={y(from + value)} height={y(from) - y(from + value)} fill={s.color}>
                    <title>{`${category.fullLabel ?? category.label}, ${s.label}: ${valueText(s.values[index] ?? 0, unit)}`}</title>
                  </rect>
                ) : null;
              })}
              {marks.map((s) => {
                const value = num(s.values[index] ?? 0);
                if (value <= 0) return null;
                const cy = y(value);
                const label = <title>{`${category.fullLabel ?? category.label}, ${s.label}: ${valueText(s.values[index] ?? 0, unit)}`}</title>;
                return s.mark === "dot" ? (
                  <circle key={s.key} cx={mid} cy={cy} r="4" fill={s.color}>{label}</circle>
                ) : (
                  <rect key={s.key} x={mid - 4} y={cy - 4} width="8" height="8" fill={s.color} transform={`rotate(45 ${mid} ${cy})`}>{label}</rect>
                );
              })}
              {labelled && (
                <text x={mid} y={H - PAD.bottom + 18} textAnchor="middle" fontSize="12" fill="#475569">{category.label}</text>
              )}
            </g>
          );
        })}
      </svg>
      {showLegend && (
        <ul className="flex flex-wrap gap-3 text-xs text-slate-600">
          {series.map((s) => (
            <li key={s.key} className="flex items-center gap-1">
              <span aria-hidden className={`inline-block h-3 w-3 ${s.mark === "dot" ? "rounded-full" : s.mark === "diamond" ? "h-2.5 w-2.5 rotate-45" : "rounded-sm"}`} style={{ background: s.color }} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      {table ?? (
        <table className="sr-only">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              {series.map((s) => <th key={s.key} scope="col">{s.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {categories.map((category, index) => (
              <tr key={category.key}>
                <th scope="row">{category.fullLabel ?? category.label}</th>
                {series.map((s) => <td key={s.key}>{valueText(s.values[index] ?? 0, unit)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
