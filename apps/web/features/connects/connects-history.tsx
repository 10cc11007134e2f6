import Link from "next/link";
import { formatMoney } from "@fairlance/rules";
import { Card, EmptyState } from "@/components/ui";
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
}

/** Every connects entry with its reason (economy.md §2.2), newest first. */
export function ConnectsHistory({ history }: { history: Line[] }) {
  return (
    <Card title="History">
      {history.length === 0 ? (
        <EmptyState title="No connects yet" />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="connects-history">
            <caption className="sr-only">Every change to your connects, newest first</caption>
            <thead className="text-xs uppercase text-slate-500">
              <tr><th scope="col" className="py-1 pr-3">Date</th><th scope="col" className="py-1 pr-3 text-right">Connects</th><th scope="col" className="py-1">Reason</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {history.map((line) => (
                <tr key={line.id.toString()}>
                  <td className="whitespace-nowrap py-2 pr-3">{formatDate(line.createdAt)}</td>
                  <td className={`py-2 pr-3 text-right font-semibold tabular-nums ${line.delta > 0 ? "text-emerald-700" : "text-slate-900"}`}>{line.delta > 0 ? `+${line.delta}` : line.delta}</td>
                  <td className="py-2">
                    {line.label}
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
          </table>
        </div>
      )}
    </Card>
  );
}
