"use client";

import { useQuery } from "@tanstack/react-query";
import { BarChart } from "@/components/bar-chart";
import { Money } from "@/components/money";
import { formatMoney } from "@/lib/money";
import { Card, EmptyState, Skeleton, scrollRegion } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";

const KINDS = [
  { kind: "service_fee", label: "Service fees", color: "#0f6a3d" },
  { kind: "client_fee", label: "Client fees", color: "#38bdf8" },
  { kind: "connect_sales", label: "Connect sales", color: "#f59e0b" },
  { kind: "membership", label: "Memberships", color: "#a855f7" },
  { kind: "payout_fee", label: "Payout fees", color: "#64748b" },
] as const;
const week = (d: Date) => d.toISOString().slice(5, 10);

type Week = { weekStart: Date; totalMinor: bigint };
const revenueSummary = (weeks: readonly Week[]) => {
  const total = weeks.reduce((sum, w) => sum + w.totalMinor, 0n);
  const best = weeks.reduce((a, b) => (b.totalMinor > a.totalMinor ? b : a));
  return `Platform revenue per week by kind, ${weeks.length} weeks with revenue: ${formatMoney(total)} in all; the largest week, of ${best.weekStart.toISOString().slice(0, 10)}, ${formatMoney(best.totalMinor)}. The table below has every number.`;
};

/** Platform revenue per week, stacked by kind, with the same numbers as a table. */
export function RevenueChart() {
  const trpc = useTRPC();
  const revenue = useQuery(trpc.admin.ledger.revenue.queryOptions({ weeks: 12 }));
  return (
    <Card title="Platform revenue by week">
      {revenue.isPending && <Skeleton className="h-40 w-full" />}
      <ErrorAlert error={revenue.error} />
      {revenue.data && (revenue.data.length === 0 ? <EmptyState title="No revenue in the last 12 weeks" /> : (
        <BarChart
          title="Platform revenue by week"
          summary={revenueSummary(revenue.data)}
          unit="money"
          categories={revenue.data.map((w) => ({ key: w.weekStart.toISOString(), label: week(w.weekStart), fullLabel: `Week of ${w.weekStart.toISOString().slice(0, 10)}` }))}
          series={KINDS.map((k) => ({ key: k.kind, label: k.label, color: k.color, values: revenue.data.map((w) => w.byKind.find((b) => b.kind === k.kind)?.amountMinor ?? 0n) }))}
          table={<RevenueTable weeks={revenue.data} />}
        />
      ))}
    </Card>
  );
}

function RevenueTable({ weeks }: { weeks: readonly { weekStart: Date; byKind: readonly { kind: string; amountMinor: bigint }[]; totalMinor: bigint }[] }) {
  return (
    <div className="mt-3 overflow-x-auto" {...scrollRegion("Platform revenue per week")}>
      <table className="w-full text-left text-xs" data-testid="revenue-table">
        <caption className="sr-only">Platform revenue per week by kind</caption>
        <thead className="uppercase text-slate-500"><tr><th scope="col" className="pr-2">Week of</th>{KINDS.map((k) => <th key={k.kind} scope="col" className="pr-2 text-right">{k.label}</th>)}<th scope="col" className="text-right">Total</th></tr></thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.weekStart.toISOString()}>
              <td className="whitespace-nowrap pr-2">{w.weekStart.toISOString().slice(0, 10)}</td>
              {KINDS.map((k) => <td key={k.kind} className="pr-2 text-right"><Money minor={w.byKind.find((b) => b.kind === k.kind)?.amountMinor ?? 0n} /></td>)}
              <td className="text-right font-semibold"><Money minor={w.totalMinor} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
