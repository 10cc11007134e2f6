import Link from "next/link";
import { formatMoney } from "@/lib/money";
import { Alert, Card, EmptyState, scrollRegion } from "@/components/ui";
import { formatDate } from "@/lib/format";

interface Line {
  id: bigint;
  delta: number;
  label: string;
  note: string | null;
  jobId: string | null;
  jobTitle: string | null;
  purchase: { priceMinor: bigint; connectPriceMinor: bigint; paidWith: string } | null;
  createdAt: Date;
  balanceAfter: number;
  recorded: boolean;
}

/** Every connects entry with its reason (economy.md §2.2), newest first, and the balance after each: the newest is the balance shown above. */
export function ConnectsHistory({ history, balance, reconciles }: { history: Line[]; balance: number; reconciles: boolean }) {
  return (
    <Card title="History">
      {!reconciles && <Alert tone="warning">This history does not add up to your balance. We have been told; the balance above is the connects ledger&apos;s.</Alert>}
      {history.length === 0 ? (
        <EmptyState title="No connects yet" />
      ) : (
        <div className="overflow-x-auto" {...scrollRegion("Connects history")}>
          <table className="w-full text-left text-sm" data-testid="connects-history">
            <caption className="sr-only">Every change to your connects, newest first</caption>
            <thead className="text-xs uppercase text-slate-500">
              <tr><th scope="col" className="py-1 pr-3">Date</th><th scope="col" className="py-1 pr-3 text-right">Connects</th><th scope="col" className="py-1 pr-3 text-right">Balance</th><th scope="col" className="py-1">Reason</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {history.map((line) => (
                <tr key={line.id.toString()}>
                  <td className="whitespace-nowrap py-2 pr-3">{formatDate(line.createdAt)}</td>
                  <td className={`py-2 pr-3 text-right font-semibold tabular-nums ${line.delta > 0 ? "text-emerald-700" : "text-slate-900"}`}>{line.delta > 0 ? `+${line.delta}` : line.delta}</td>
                  <td className="py-2 pr-3 text-right tabular-nums text-slate-600" data-testid="connects-balance-after">{line.balanceAfter}</td>
                  <td className="py-2">
                    {line.label}
                    {!line.recorded && <span className="text-slate-500"> (not yet written: the next expiry run records it)</span>}
                    {line.jobId && line.jobTitle ? <> — <Link href={`/jobs/${line.jobId}`} className="text-brand-700 underline">{line.jobTitle}</Link></> : line.note ? <> — {line.note}</> : null}
                    {line.purchase && (
                      <span className="block text-xs text-slate-600" data-testid="purchase-price">
                        Paid {formatMoney(line.purchase.priceMinor)} ({formatMoney(line.purchase.connectPriceMinor)} per connect
                        {line.purchase.paidWith === "earnings" ? ", from earnings" : ", by card"})
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t-2 border-slate-300 font-semibold">
              <tr><th scope="row" colSpan={2} className="py-2 pr-3 text-left">Balance (as above)</th><td className="py-2 pr-3 text-right tabular-nums">{balance}</td><td /></tr>
            </tfoot>
          </table>
        </div>
      )}
    </Card>
  );
}
