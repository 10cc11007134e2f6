import { addDays } from "@fairlance/rules";
import type { Tx } from "../../client";
import { loadSettings } from "../../settings/load-settings";
import type { Operation } from "../../operations";
import { HELD_MILESTONE_STATUSES, lockMilestone, refundMilestoneEscrow, releaseMilestoneEscrow, type CardRefundPlan, type EscrowContract } from "./escrow";
import { nextMilestoneStatus } from "./access";

export interface ClosedEscrow {
  /** Milestones whose escrow went to the freelancer, with their payment. */
  released: { milestoneId: string; paymentId: string; grossMinor: bigint; feeMinor: bigint; netMinor: bigint }[];
  /** Milestones refunded to the client; their card refunds follow the commit. */
  refunds: CardRefundPlan[];
  /** Funded milestones with no work submitted whose refund the client's ending requested (economy.md §3.1). */
  refundsRequested: { milestoneId: string; deadline: Date }[];
}

/**
 * What happens to the money still in escrow when a contract ends or an offer is declined
 * (economy.md §3.3) or an offer expires, milestone by milestone, each locked; disputed ones stay frozen:
 * - `release`: the client pays it all to the freelancer (each milestone approved, with the fee);
 * - `refund`: it all goes back to the client (the freelancer's choice, or a declined offer);
 * - `request_refunds` (the client ends without releasing): each funded milestone with no work
 *   submitted gets a refund request, which the freelancer accepts, disputes, or lets run out;
 *   submitted work keeps its review (approve, changes, dispute, or approval when it runs out);
 * - `keep` (the freelancer ends without giving it back): nothing moves;
 * - `refund_unsubmitted` (the client ends while the freelancer is suspended, economy.md §5.3): each
 *   funded milestone with no work ever submitted goes back to the client at once; submitted work
 *   keeps its review.
 */
export async function closeEscrow(
  tx: Tx,
  input: {
    contract: EscrowContract;
    escrow: "release" | "refund" | "request_refunds" | "keep" | "refund_unsubmitted";
    reason: string;
    now: Date;
    key: string;
    operation: Operation;
    userId: string | null;
  },
): Promise<ClosedEscrow> {
  const closed: ClosedEscrow = { released: [], refunds: [], refundsRequested: [] };
  if (input.escrow === "keep") return closed;
  const candidates = await tx.milestone.findMany({
    where: { contractId: input.contract.id, status: { in: [...HELD_MILESTONE_STATUSES] } },
    select: { id: true },
    orderBy: { position: "asc" },
  });
  const { settings } = await loadSettings(tx, input.now);
  for (const { id } of candidates) {
    const milestone = await lockMilestone(tx, id);
    if (!milestone || !(HELD_MILESTONE_STATUSES as readonly string[]).includes(milestone.status)) continue;
    const step = { key: `${input.key}:${id}`, operation: input.operation, userId: input.userId, now: input.now };
    if (input.escrow === "release") {
      const payment = await releaseMilestoneEscrow(tx, { milestone, contract: input.contract, automatic: false, settings, step });
      closed.released.push({ milestoneId: id, paymentId: payment.paymentId, grossMinor: payment.grossMinor, feeMinor: payment.feeMinor, netMinor: payment.netMinor });
    } else if (input.escrow === "refund") {
      closed.refunds.push(await refundMilestoneEscrow(tx, { milestone, contract: input.contract, step }));
    } else if (input.escrow === "refund_unsubmitted") {
      if ((milestone.status === "FUNDED" || milestone.status === "REFUND_REQUESTED") && milestone.submittedAt === null) {
        closed.refunds.push(await refundMilestoneEscrow(tx, { milestone, contract: input.contract, step }));
      }
    } else if (milestone.status === "FUNDED" && milestone.submittedAt === null) {
      const deadline = addDays(input.now, settings.refundRequestDays);
      const status = nextMilestoneStatus(milestone.status, "request_refund");
      await tx.milestone.update({
        where: { id },
        data: { status, refundRequestedAt: input.now, refundRequestReason: input.reason, refundRequestDeadline: deadline },
      });
      closed.refundsRequested.push({ milestoneId: id, deadline });
    }
  }
  return closed;
}
