import { z } from "zod";
import type { MilestoneStatus, PrismaClient } from "../../client";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { idempotent, IdempotencyKey, jsonCodec, scopedKey, type IdempotentCall } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { refundMilestoneEscrow, refundToCards, type CardRefundOutcome, type CardRefundPlan, type LedgerStep } from "./escrow";
import { lockMilestoneFor } from "./milestone-access";

/** What the person sends; who acts and when come with the call (ActorCall). */
export const RefundMilestoneInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  milestoneId: Id("milestone"),
});
export type RefundMilestoneInput = z.input<typeof RefundMilestoneInput>;

export interface RefundedMilestone {
  milestoneId: string;
  status: MilestoneStatus;
  cardRefund: CardRefundOutcome;
}

/**
 * The freelancer gives a milestone's escrow back to the client (economy.md §3.1): of their own
 * accord, or accepting the client's refund request. The amount and the client fee return to the
 * client's card. Once escrow is funded only the freelancer (or a dispute's decision) can send it
 * back: the client asks with requestRefund. The card refund runs after the commit under a key
 * derived from the milestone (never twice); one the provider does not take is queued and retried.
 */
export async function refundMilestone(prisma: PrismaClient, input: RefundMilestoneInput & ActorCall, deps: { gateway?: PaymentGateway } = {}): Promise<RefundedMilestone> {
  const data = parseCall(RefundMilestoneInput, input);
  const plan = await runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "FREELANCER", "give escrow back");
    const call: IdempotentCall = { operation: "milestone.refund", userId: data.actorId, key: data.idempotencyKey, request: { milestoneId: data.milestoneId } };
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        const { milestone, contract } = await lockMilestoneFor(tx, data.milestoneId, data.actorId, "freelancer");
        const step: LedgerStep = { key: scopedKey(call), operation: "milestone.refund", userId: data.actorId, now: data.now };
        return refundMilestoneEscrow(tx, { milestone, contract, step });
      },
      jsonCodec<CardRefundPlan>(),
    );
    return result;
  });
  const [cardRefund] = await refundToCards(prisma, deps.gateway ?? getGateway(), [plan], "The freelancer gave the escrow back.");
  return { milestoneId: plan.milestoneId, status: "REFUNDED", cardRefund: cardRefund! };
}
