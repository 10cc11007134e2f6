import { Money } from "@/components/money";
import { formatMoney } from "@/lib/money";
import type { RouterOutputs } from "@/features/contracts/types";

type Week = RouterOutputs["earnings"]["byWeek"][number];
const label = (date: Date) => date.toISOString().slice(5, 10);

/** Net earned per week as hand-drawn SVG bars; the same numbers are in a table for screen readers. */
export function EarningsChart({ weeks }: { weeks: Week[] }) {
  const width = 600;
  const height = 180;
  const barWidth = width / weeks.length;
  const summary = weeks.map((w) => `week of ${label(w.weekStart)}: ${formatMoney(w.netMinor)}`).join("; ");
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${width} ${height + 28}`} className="h-auto w-full" role="img" aria-label={`Net earned per week. ${summary}`}>
        <line x1={0} y1={height} x2={width} y2={height} stroke="#cbd5e1" />
        {weeks.map((week, index) => {
          const barHeight = (week.heightPermille * (height - 10)) / 1000;
          return (
            <g key={week.weekStart.toISOString()}>
              <rect x={index * barWidth + 6} y={height - barHeight} width={barWidth - 12} height={barHeight} rx={3} fill="#13804a">
                <title>{`${label(week.weekStart)}: ${formatMoney(week.netMinor)}`}</title>
              </rect>
              {(weeks.length - 1 - index) % 2 === 0 && (
                <text x={index * barWidth + barWidth / 2} y={height + 20} textAnchor="middle" fontSize={18} fill="#475569">
                  {label(week.weekStart)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="text-xs text-slate-500">Net earned per week (after service fees), by the week the payment was released. Dates are Mondays (UTC).</figcaption>
      <table className="sr-only">
        <caption>Net earned per week</caption>
        <thead>
          <tr><th scope="col">Week of</th><th scope="col">Gross</th><th scope="col">Fees</th><th scope="col">Net</th></tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.weekStart.toISOString()}>
              <td>{w.weekStart.toISOString().slice(0, 10)}</td>
              <td><Money minor={w.grossMinor} /></td>
              <td><Money minor={w.feeMinor} /></td>
              <td><Money minor={w.netMinor} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
