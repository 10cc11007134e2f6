import type { Tx } from "../../client";
import { loadSettings } from "../../settings/load-settings";
import { lockMilestone, refundMilestoneEscrow, releaseMilestoneEscrow, type CardRefundPlan, type EscrowContract } from "./escrow";
import type { Operation } from "../../operations";

export interface ClosedEscrow {
  /** Milestones whose escrow went to the freelancer, with their payment. */
  released: { milestoneId: string; paymentId: string; grossMinor: bigint; feeMinor: bigint; netMinor: bigint }[];
  /** Milestones refunded to the client; their card refunds follow the commit. */
  refunds: CardRefundPlan[];
}

/**
 * Money still in escrow when a contract ends or an offer is declined or expires (economy.md §3.3): refunded to the
 * client, or released to the freelancer when the client chooses so. Each milestone is locked.
 */
export async function closeEscrow(
  tx: Tx,
  input: { contract: EscrowContract; release: boolean; now: Date; key: string; operation: Operation; userId: string | null },
): Promise<ClosedEscrow> {
  const candidates = await tx.milestone.findMany({
    where: { contractId: input.contract.id, status: { in: ["FUNDED", "SUBMITTED", "CHANGES_REQUESTED"] } },
    select: { id: true },
    orderBy: { position: "asc" },
  });
  const { settings } = await loadSettings(tx, input.now);
  const closed: ClosedEscrow = { released: [], refunds: [] };
  for (const { id } of candidates) {
    const milestone = await lockMilestone(tx, id);
    if (!milestone || !["FUNDED", "SUBMITTED", "CHANGES_REQUESTED"].includes(milestone.status)) continue;
    const step = { key: `${input.key}:${id}`, operation: input.operation, userId: input.userId, now: input.now };
    if (input.release) {
      const payment = await releaseMilestoneEscrow(tx, { milestone, contract: input.contract, automatic: false, settings, step });
      closed.released.push({ milestoneId: id, paymentId: payment.paymentId, grossMinor: payment.grossMinor, feeMinor: payment.feeMinor, netMinor: payment.netMinor });
    } else {
      closed.refunds.push(await refundMilestoneEscrow(tx, { milestone, contract: input.contract, step }));
    }
  }
  return closed;
}
