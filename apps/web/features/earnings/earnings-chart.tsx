import { BarChart } from "@/components/bar-chart";
import { Money } from "@/components/money";
import { formatDate } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import type { RouterOutputs } from "@/features/contracts/types";
import { formatCount } from "@fairlance/rules";

type Week = RouterOutputs["earnings"]["byWeek"][number];
/** "Nov 30": the week's Monday, without the year (the table has it). */
const label = (date: Date) => formatDate(date).replace(/, \d{4}$/, "");

/** Net earned per week as bars with a dollar axis; the same numbers (gross, fees, net) in a table under "The numbers". A server component. */
export function EarningsChart({ weeks }: { weeks: Week[] }) {
  const total = weeks.reduce((sum, w) => sum + w.netMinor, 0n);
  const best = weeks.reduce<Week | null>((a, b) => (a === null || b.netMinor > a.netMinor ? b : a), null);
  const summary =
    `Net earned per week over ${formatCount(weeks.length, "week")}: ${formatMoney(total)} in all` +
    (best ? `; the best week, of ${best.weekStart.toISOString().slice(0, 10)}, ${formatMoney(best.netMinor)}.` : ".");
  return (
    <div className="space-y-2">
      <BarChart
        title="Net earned per week"
        summary={summary}
        unit="money"
        categories={weeks.map((w) => ({ key: w.weekStart.toISOString(), label: label(w.weekStart), fullLabel: `Week of ${w.weekStart.toISOString().slice(0, 10)}` }))}
        series={[{ key: "net", label: "Net earned", color: "#13804a", values: weeks.map((w) => w.netMinor) }]}
        table={
          <details className="text-sm">
            <summary className="cursor-pointer text-brand-700">The numbers</summary>
            <div className="mt-2 overflow-x-auto">
              <table className="w-full text-left text-xs">
                <caption className="sr-only">Net earned per week</caption>
                <thead>
                  <tr><th scope="col" className="pr-2">Week of</th><th scope="col" className="pr-2 text-right">Gross</th><th scope="col" className="pr-2 text-right">Fees</th><th scope="col" className="text-right">Net</th></tr>
                </thead>
                <tbody>
                  {weeks.map((w) => (
                    <tr key={w.weekStart.toISOString()}>
                      <td className="whitespace-nowrap pr-2">{w.weekStart.toISOString().slice(0, 10)}</td>
                      <td className="pr-2 text-right"><Money minor={w.grossMinor} /></td>
                      <td className="pr-2 text-right"><Money minor={w.feeMinor} /></td>
                      <td className="text-right"><Money minor={w.netMinor} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        }
      />
      <p className="text-xs text-slate-500">Net earned per week (after service fees), by the week the payment was released. Dates are Mondays (UTC).</p>
    </div>
  );
}
