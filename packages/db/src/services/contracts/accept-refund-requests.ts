import type { PrismaClient } from "../../client";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { scopedKey } from "../../idempotency";
import { runTransaction } from "../../transaction";
import type { SystemCall } from "../actor";
import { CONTRACT_MONEY_FIELDS } from "./access";
import { lockMilestone, refundMilestoneEscrow, refundToCards, type CardRefundOutcome, type CardRefundPlan, type LedgerStep } from "./escrow";

/**
 * Time-driven (economy.md §3.1): a refund request the freelancer neither accepted nor disputed by
 * its deadline is accepted: the escrow and the client fee go back to the client's card. Each runs
 * in its own transaction on the locked milestone, keyed by the milestone, so a second run does
 * nothing; card refunds follow each commit (queued when the provider does not answer).
 */
export async function acceptRefundRequests(
  prisma: PrismaClient,
  input: SystemCall & { limit?: number },
  deps: { gateway?: PaymentGateway } = {},
): Promise<{ refunded: CardRefundOutcome[] }> {
  const due = await prisma.milestone.findMany({
    where: { status: "REFUND_REQUESTED", refundRequestDeadline: { lte: input.now } },
    select: { id: true },
    orderBy: { refundRequestDeadline: "asc" },
    take: input.limit ?? 500,
  });
  const refunded: CardRefundOutcome[] = [];
  for (const { id } of due) {
    const plan = await runTransaction(prisma, async (tx): Promise<CardRefundPlan | null> => {
      const milestone = await lockMilestone(tx, id);
      // Re-checked under the lock: answered, withdrawn or disputed meanwhile.
      if (!milestone || milestone.status !== "REFUND_REQUESTED" || !milestone.refundRequestDeadline) return null;
      if (input.now.getTime() < milestone.refundRequestDeadline.getTime()) return null;
      const contract = await tx.contract.findUniqueOrThrow({ where: { id: milestone.contractId }, select: CONTRACT_MONEY_FIELDS });
      const operation = "milestone.acceptRefundBySilence";
      const step: LedgerStep = { key: scopedKey({ operation, userId: null, key: id }), operation, userId: null, now: input.now };
      return refundMilestoneEscrow(tx, { milestone, contract, step });
    });
    if (plan) refunded.push(...(await refundToCards(prisma, deps.gateway ?? getGateway(), [plan], "The freelancer did not answer the refund request in time.")));
  }
  return { refunded };
}
