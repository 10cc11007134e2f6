import { z } from "zod";
import type { MilestoneStatus, PrismaClient } from "../../client";
import { idempotent, IdempotencyKey, jsonCodec, type IdempotentCall } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { nextMilestoneStatus } from "./access";
import { lockMilestoneFor } from "./milestone-access";

/** What the client sends; who acts and when come with the call (ActorCall). */
export const WithdrawRefundRequestInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  milestoneId: Id("milestone"),
});
export type WithdrawRefundRequestInput = z.input<typeof WithdrawRefundRequestInput>;

export interface RefundRequestWithdrawn {
  milestoneId: string;
  status: MilestoneStatus;
}

/** The client takes back a refund request the freelancer has not answered (economy.md §3.1): the milestone is funded again. */
export async function withdrawRefundRequest(prisma: PrismaClient, input: WithdrawRefundRequestInput & ActorCall): Promise<RefundRequestWithdrawn> {
  const data = parseCall(WithdrawRefundRequestInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "CLIENT", "withdraw refund requests");
    const call: IdempotentCall = { operation: "milestone.withdrawRefundRequest", userId: data.actorId, key: data.idempotencyKey, request: { milestoneId: data.milestoneId } };
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        const { milestone } = await lockMilestoneFor(tx, data.milestoneId, data.actorId, "client");
        const status = nextMilestoneStatus(milestone.status, "withdraw_refund_request");
        await tx.milestone.update({ where: { id: milestone.id }, data: { status, refundRequestedAt: null, refundRequestReason: null, refundRequestDeadline: null } });
        return { milestoneId: milestone.id, status };
      },
      jsonCodec<RefundRequestWithdrawn>(),
    );
    return result;
  });
}
