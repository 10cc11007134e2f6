"use client";

import { useQuery } from "@tanstack/react-query";
import { Money } from "@/components/money";
import { Card, EmptyState, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";

const KINDS = [
  { kind: "service_fee", label: "Service fees", color: "#0f6a3d" },
  { kind: "client_fee", label: "Client fees", color: "#38bdf8" },
  { kind: "connect_sales", label: "Connect sales", color: "#f59e0b" },
  { kind: "membership", label: "Memberships", color: "#a855f7" },
  { kind: "payout_fee", label: "Payout fees", color: "#64748b" },
] as const;
const H = 160;
const BAR = 28;
const GAP = 12;
const week = (d: Date) => d.toISOString().slice(5, 10);

/** Platform revenue per week, stacked by kind (inline SVG), with the same numbers as a table. */
export function RevenueChart() {
  const trpc = useTRPC();
  const revenue = useQuery(trpc.admin.ledger.revenue.queryOptions({ weeks: 12 }));
  return (
    <Card title="Platform revenue by week">
      {revenue.isPending && <Skeleton className="h-40 w-full" />}
      <ErrorAlert error={revenue.error} />
      {revenue.data && (revenue.data.length === 0 ? <EmptyState title="No revenue in the last 12 weeks" /> : (
        <>
          <svg role="img" aria-label="Stacked bars of platform revenue per week by kind; the table below has the numbers." viewBox={`0 0 ${revenue.data.length * (BAR + GAP) + GAP} ${H + 20}`} className="h-48 w-full max-w-full">
            {revenue.data.map((w, i) => {
              let y = H;
              return (
                <g key={w.weekStart.toISOString()}>
                  {KINDS.map(({ kind, color }) => {
                    const part = w.byKind.find((k) => k.kind === kind);
                    const h = ((part?.permille ?? 0) * H) / 1000;
                    y -= h;
                    return h > 0 ? <rect key={kind} x={GAP + i * (BAR + GAP)} y={y} width={BAR} height={h} fill={color} /> : null;
                  })}
                  <text x={GAP + i * (BAR + GAP) + BAR / 2} y={H + 14} fontSize="9" textAnchor="middle" fill="#475569">{week(w.weekStart)}</text>
                </g>
              );
            })}
          </svg>
          <ul className="mt-2 flex flex-wrap gap-3 text-xs">
            {KINDS.map((k) => <li key={k.kind} className="flex items-center gap-1"><span aria-hidden className="inline-block h-3 w-3 rounded-sm" style={{ background: k.color }} />{k.label}</li>)}
          </ul>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-xs" data-testid="revenue-table">
              <caption className="sr-only">Platform revenue per week by kind</caption>
              <thead className="uppercase text-slate-500"><tr><th scope="col" className="pr-2">Week of</th>{KINDS.map((k) => <th key={k.kind} scope="col" className="pr-2 text-right">{k.label}</th>)}<th scope="col" className="text-right">Total</th></tr></thead>
              <tbody>
                {revenue.data.map((w) => (
                  <tr key={w.weekStart.toISOString()}>
                    <td className="whitespace-nowrap pr-2">{w.weekStart.toISOString().slice(0, 10)}</td>
                    {KINDS.map((k) => <td key={k.kind} className="pr-2 text-right"><Money minor={w.byKind.find((b) => b.kind === k.kind)?.amountMinor ?? 0n} /></td>)}
                    <td className="text-right font-semibold"><Money minor={w.totalMinor} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ))}
    </Card>
  );
}
