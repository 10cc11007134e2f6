import { TEXT_RULES, addDays } from "@fairlance/rules";
import { z } from "zod";
import type { MilestoneStatus, PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { idempotent, IdempotencyKey, jsonCodec, type IdempotentCall } from "../../idempotency";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Text } from "../fields";
import { Id, parseCall } from "../input";
import { nextMilestoneStatus } from "./access";
import { lockMilestoneFor } from "./milestone-access";

/** What the client sends; who acts and when come with the call (ActorCall). */
export const RequestRefundInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  milestoneId: Id("milestone"),
  reason: Text(TEXT_RULES.refundReason),
});
export type RequestRefundInput = z.input<typeof RequestRefundInput>;

export interface RefundRequested {
  milestoneId: string;
  status: MilestoneStatus;
  /** Accepted automatically at this instant unless the freelancer gives it back or disputes first. */
  deadline: Date;
}

/**
 * The client asks for a funded milestone's escrow back before any work was submitted
 * (economy.md §3.1). The freelancer gives it back, disputes, or lets `refundRequestDays` pass, after
 * which the runner gives it back (acceptRefundRequests). Once work was submitted the client
 * approves, requests changes or disputes instead.
 */
export async function requestRefund(prisma: PrismaClient, input: RequestRefundInput & ActorCall): Promise<RefundRequested> {
  const data = parseCall(RequestRefundInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "CLIENT", "ask for escrow back");
    const call: IdempotentCall = { operation: "milestone.requestRefund", userId: data.actorId, key: data.idempotencyKey, request: { milestoneId: data.milestoneId, reason: data.reason } };
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        const { milestone } = await lockMilestoneFor(tx, data.milestoneId, data.actorId, "client");
        if (milestone.submittedAt !== null) {
          throw new DomainError(
            "CONFLICT",
            "Work was submitted on this milestone, so its escrow is the freelancer's to give back: approve it, request changes, or open a dispute.",
          );
        }
        const status = nextMilestoneStatus(milestone.status, "request_refund");
        const { settings } = await loadSettings(tx, data.now);
        const deadline = addDays(data.now, settings.refundRequestDays);
        await tx.milestone.update({
          where: { id: milestone.id },
          data: { status, refundRequestedAt: data.now, refundRequestReason: data.reason, refundRequestDeadline: deadline },
        });
        return { milestoneId: milestone.id, status, deadline };
      },
      jsonCodec<RefundRequested>(),
    );
    return result;
  });
}
