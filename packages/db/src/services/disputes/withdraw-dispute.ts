import { z } from "zod";
import type { HourlyWeekStatus, MilestoneStatus, PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { idempotent, IdempotencyKey, jsonCodec, type IdempotentCall } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { assertOpen, lockDispute } from "./access";

/** What the side that opened a dispute sends to withdraw it. */
export const WithdrawDisputeInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  disputeId: Id("dispute"),
});
export type WithdrawDisputeInput = z.input<typeof WithdrawDisputeInput>;

export interface WithdrawnDispute {
  disputeId: string;
  status: "WITHDRAWN";
  /** Where the milestone or week went back to. */
  targetStatus: string;
}

const later = (date: Date | null, byMs: number) => (date ? new Date(date.getTime() + byMs) : null);

/**
 * The side that opened a dispute withdraws it (economy.md §6.4): the milestone or week goes back
 * to the state it left, with its clocks moved on by the time the dispute was open (the review
 * window and a refund request's answer time stop while a dispute is open). Nothing else changes:
 * a refund request the freelancer disputed is again waiting for an answer.
 */
export async function withdrawDispute(prisma: PrismaClient, input: WithdrawDisputeInput & ActorCall): Promise<WithdrawnDispute> {
  const data = parseCall(WithdrawDisputeInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, ["CLIENT", "FREELANCER"], "withdraw disputes");
    const call: IdempotentCall = { operation: "dispute.withdraw", userId: data.actorId, key: data.idempotencyKey, request: { disputeId: data.disputeId } };
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        const { dispute, target } = await lockDispute(tx, data.disputeId, { id: data.actorId, admin: false });
        assertOpen(dispute);
        if (dispute.openedById !== data.actorId) throw new DomainError("FORBIDDEN", "Only the side that opened a dispute can withdraw it.");
        const paused = data.now.getTime() - dispute.openedAt.getTime();
        if (target.kind === "milestone") {
          await tx.milestone.update({
            where: { id: target.milestone.id },
            data: {
              status: dispute.resumeStatus as MilestoneStatus,
              reviewDeadline: later(target.milestone.reviewDeadline, paused),
              refundRequestDeadline: later(target.milestone.refundRequestDeadline, paused),
            },
          });
        } else {
          await tx.hourlyWeek.update({ where: { id: target.week.id }, data: { status: dispute.resumeStatus as HourlyWeekStatus } });
        }
        await tx.dispute.update({ where: { id: dispute.id }, data: { status: "WITHDRAWN", closedAt: data.now } });
        return { disputeId: dispute.id, status: "WITHDRAWN" as const, targetStatus: dispute.resumeStatus };
      },
      jsonCodec<WithdrawnDispute>(),
    );
    return result;
  });
}
