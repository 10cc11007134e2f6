import { Money } from "@/components/money";
import { EmptyState } from "@/components/ui";
import type { RouterOutputs } from "@/features/contracts/types";
import { formatDate } from "@/lib/format";

const KIND: Record<string, string> = {
  escrow_release: "Payment released",
  service_fee: "Service fee",
  bonus: "Bonus",
  pending_cleared: "Now available",
  withdrawal: "Withdrawal",
  payout_fee: "Payout method fee",
  payout_sent: "Paid out",
  payout_failed: "Payout returned",
  connects_purchase: "Connects bought",
  payment_refund: "Refund to client",
  service_fee_refund: "Service fee refunded",
};

/** Every money line, each fee on its own line (economy.md §0.6, §8). */
export function TransactionHistory({ rows }: { rows: RouterOutputs["earnings"]["get"]["history"] }) {
  if (rows.length === 0) return <EmptyState title="No transactions yet">Payments, fees and withdrawals appear here line by line.</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Transaction history, newest first</caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr><th scope="col" className="py-2 pr-3">Date</th><th scope="col" className="py-2 pr-3">Type</th><th scope="col" className="py-2 pr-3">Details</th><th scope="col" className="py-2 text-right">Amount</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id.toString()}>
              <td className="py-2 pr-3 sm:whitespace-nowrap">{formatDate(row.at)}</td>
              <td className="py-2 pr-3">{KIND[row.kind] ?? row.kind}</td>
              <td className="py-2 pr-3 text-slate-600">{row.detail}</td>
              <td className="whitespace-nowrap py-2 text-right"><Money minor={row.amountMinor} className={row.amountMinor < 0n ? "text-red-800" : "text-emerald-800"} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
