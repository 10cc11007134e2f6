import { formatDate } from "@/lib/format";

interface Week {
  weekStartsAt: Date;
  proposals: number;
  connectsSpent: number;
  viewed: number;
  hires: number;
}

const W = 720;
const H = 200;
const PAD = { left: 32, right: 8, top: 10, bottom: 24 };

/** Connects spent per week (bars) with proposals viewed (dots) and hires (diamonds); a table carries the same numbers. */
export function RoiChart({ weeks }: { weeks: Week[] }) {
  const max = Math.max(1, ...weeks.map((week) => Math.max(week.connectsSpent, week.viewed, week.hires)));
  const step = (W - PAD.left - PAD.right) / weeks.length;
  const y = (value: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - value / max);
  const total = weeks.reduce((sum, week) => sum + week.connectsSpent, 0);
  const label = `Connects spent per week over the last ${weeks.length} weeks, ${total} in all, with proposals viewed and hires; the table below has every number.`;
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="h-auto w-full max-w-3xl">
        {[0, max].map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
            <text x={PAD.left - 4} y={y(tick) + 4} textAnchor="end" fontSize="12" fill="#64748b">{tick}</text>
          </g>
        ))}
        {weeks.map((week, index) => {
          const x = PAD.left + index * step;
          const mid = x + step / 2;
          return (
            <g key={week.weekStartsAt.toISOString()}>
              <rect x={x + step * 0.2} width={step * 0.6} y={y(week.connectsSpent)} height={y(0) - y(week.connectsSpent)} fill="#13804a" opacity="0.75" />
              {week.viewed > 0 && <circle cx={mid} cy={y(week.viewed)} r="4" fill="#0284c7" />}
              {week.hires > 0 && <rect x={mid - 4} y={y(week.hires) - 4} width="8" height="8" fill="#d97706" transform={`rotate(45 ${mid} ${y(week.hires)})`} />}
              {index % 2 === 0 && <text x={mid} y={H - 8} textAnchor="middle" fontSize="11" fill="#64748b">{formatDate(week.weekStartsAt).replace(/, \d{4}$/, "")}</text>}
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-xs text-slate-600">
        <span><span aria-hidden className="mr-1 inline-block h-2 w-3 bg-brand-600" />Connects spent</span>
        <span><span aria-hidden className="mr-1 inline-block h-2 w-2 rounded-full bg-sky-600" />Proposals viewed</span>
        <span><span aria-hidden className="mr-1 inline-block h-2 w-2 rotate-45 bg-amber-600" />Hires</span>
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700">Show the numbers as a table</summary>
        <table className="mt-2 w-full text-left text-xs">
          <thead><tr><th scope="col">Week of</th><th scope="col">Proposals</th><th scope="col">Connects spent</th><th scope="col">Viewed</th><th scope="col">Hires</th></tr></thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.weekStartsAt.toISOString()}><td>{formatDate(week.weekStartsAt)}</td><td>{week.proposals}</td><td>{week.connectsSpent}</td><td>{week.viewed}</td><td>{week.hires}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
