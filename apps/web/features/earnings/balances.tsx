import Link from "next/link";
import { Money } from "@/components/money";
import { Stat } from "@/components/ui";
import type { RouterOutputs } from "@/features/contracts/types";
import { formatDate, formatDay, formatLastDay } from "@/lib/format";
import { formatMoney } from "@/lib/money";

type Earnings = RouterOutputs["earnings"]["get"];

/** economy.md §4, §9.3: the states of a freelancer's money, and the date each amount moves on. */
export function Balances({ earnings }: { earnings: Earnings }) {
  const b = earnings.balances;
  const nextPending = earnings.pending[0];
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
        <Stat label="In escrow" value={<Money minor={b.inEscrowMinor} />} hint="Funded, paid when approved" />
        <Stat label="In review" value={<Money minor={b.inReviewMinor} />} hint="Hourly, client can dispute" />
        <Stat label="In dispute" value={<Money minor={b.inDisputeMinor} />} hint={earnings.inDispute[0] ? `Frozen since ${formatDate(earnings.inDispute[0].openedAt)}` : "Frozen until decided"} />
        <Stat label="Pending" value={<Money minor={b.pendingMinor} />} hint={nextPending ? `Next available ${formatDate(nextPending.availableAt)}` : "Security period"} />
        <Stat label="Available" value={<Money minor={b.availableMinor} />} hint="Ready to withdraw" />
        <Stat label="Withdrawn" value={<Money minor={b.withdrawnMinor} />} hint={b.withdrawingMinor > 0n ? `${formatMoney(b.withdrawingMinor)} more on its way` : "Sent to you"} />
      </dl>
      <ul className="space-y-1 text-sm" aria-label="When each amount moves">
        {earnings.escrow.map((m) => (
          <li key={m.milestoneId}>
            <Money minor={m.amountMinor} /> in escrow for “{m.title}” ({m.contractTitle}):{" "}
            {m.reviewDeadline ? `approved automatically on ${formatDate(m.reviewDeadline)} unless the client acts` : "paid once you submit and the client approves"}
          </li>
        ))}
        {earnings.inReview.map((w) => (
          <li key={w.weekId}>
            <Money minor={w.amountMinor} /> hourly ({w.contractTitle}) in review{w.disputeDeadline && `, released on ${formatDay(w.disputeDeadline)} unless the client disputes it by the end of ${formatLastDay(w.disputeDeadline)} (UTC)`}
          </li>
        ))}
        {earnings.inDispute.map((d) => (
          <li key={d.disputeId}>
            <Money minor={d.amountMinor} /> for “{d.what}” ({d.contractTitle}) is in dispute since {formatDate(d.openedAt)}:{" "}
            <Link href={`/disputes/${d.disputeId}`} className="text-brand-700 underline">frozen until it is decided, settled or withdrawn</Link>
          </li>
        ))}
        {earnings.pending.map((p) => (
          <li key={p.paymentId} data-testid="pending-item">
            <Money minor={p.netMinor} /> from {p.contractTitle} is pending: available on {formatDate(p.availableAt)}
          </li>
        ))}
      </ul>
    </div>
  );
}
