import { useId, type ReactNode } from "react";
import { formatMoney } from "@/lib/money";
import { niceTicks, tickLabel, xLabels, type ChartUnit } from "./chart-scale";

export type { ChartUnit };

/**
 * The app's one bar chart (revenue, earnings, connects ROI): bars per category, stacked when
 * there are several bar series, optional marks (dots, diamonds) over them, a y axis with round
 * ticks labelled in dollars or counts, x labels (thinned when crowded, more so on phones), and a
 * legend. Plain SVG with no state: drawn on the server where the page allows, it sends no
 * JavaScript.
 *
 * Readable at 390 px: the drawing is 400 units wide and scales to its box, so its text is drawn
 * larger below `sm` (15 units, about 12 px on a phone) and fewer x labels are kept there.
 *
 * Accessible: the SVG is one image (role="img") named by its <title> and described by its
 * <desc> (the summary); the numbers themselves are in a table under "The numbers" (a <details>),
 * unless the page passes its own (`table`), so everyone can read every value. Negative values are
 * drawn as zero (the table has the real numbers).
 */


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
  /** The page's own table of the numbers; without it, one is made from the series under "The numbers". */
  table?: ReactNode;
  /** Show the legend (default: when there is more than one series). */
  legend?: boolean;
}

// The drawing's own units: 400 wide, shown at most 512 px wide (max-w-lg): its 12-unit text is
// 15 px on a desktop; on a phone (about 320 px) the 15-unit text is about 12 px.
const W = 400;
const H = 200;
const PAD = { left: 52, right: 20, top: 12, bottom: 28 };
const MAX_X_LABELS = 6;
const MAX_X_LABELS_ON_PHONES = 3;
/** Axis text: 12 units on wider screens, larger on phones, where the drawing is shrunk to about 0.8. */
const TEXT = "fill-slate-600 text-[12px] max-sm:text-[15px]";

const num = (value: number | bigint) => Math.max(0, Number(value));

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
  const labels = xLabels(categories.length, MAX_X_LABELS, MAX_X_LABELS_ON_PHONES);
  const showLegend = legend ?? series.length > 1;

  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full max-w-lg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} stroke={tick === 0 ? "#94a3b8" : "#e2e8f0"} />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" className={TEXT}>{tickLabel(tick, unit)}</text>
          </g>
        ))}
        {categories.map((category, index) => {
          const x = PAD.left + index * step + (step - barW) / 2;
          const mid = PAD.left + index * step + step / 2;
          let base = 0;
          // Labels are thinned from the latest category back, so the most recent one is always named.
          const label = labels[index]!;
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
              {marks.map((s, which) => {
                const value = num(s.values[index] ?? 0);
                if (value <= 0) return null;
                const cy = y(value);
                // Several marks side by side, so that equal values do not hide one another.
                const cx = mid + (which - (marks.length - 1) / 2) * 9;
                const tip = <title>{`${category.fullLabel ?? category.label}, ${s.label}: ${valueText(s.values[index] ?? 0, unit)}`}</title>;
                return s.mark === "dot" ? (
                  <circle key={s.key} cx={cx} cy={cy} r="4" fill={s.color}>{tip}</circle>
                ) : (
                  <rect key={s.key} x={cx - 4} y={cy - 4} width="8" height="8" fill={s.color} transform={`rotate(45 ${cx} ${cy})`}>{tip}</rect>
                );
              })}
              {label.labelled && (
                <text x={mid} y={H - PAD.bottom + 18} textAnchor="middle" className={`${TEXT} ${label.onPhones ? "" : "max-sm:hidden"}`}>{category.label}</text>
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
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700">The numbers</summary>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-xs">
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr>
                  <th scope="col" className="pr-2">Category</th>
                  {series.map((s) => <th key={s.key} scope="col" className="pr-2 text-right">{s.label}</th>)}
                </tr>
              </thead>
              <tbody>
                {categories.map((category, index) => (
                  <tr key={category.key}>
                    <th scope="row" className="whitespace-nowrap pr-2 font-normal">{category.fullLabel ?? category.label}</th>
                    {series.map((s) => <td key={s.key} className="pr-2 text-right tabular-nums">{valueText(s.values[index] ?? 0, unit)}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}
