import { z } from "zod";
import type { PrismaClient, Tx } from "../../client";
import { DomainError } from "../../errors";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { writeAudit } from "../connects/audit";
import { Id, parseCall } from "../input";
import { lockMessageForModeration, reviewFlagWith, SenderReason } from "./moderation";
import { notify } from "../../notifications";
import { messageLink, withoutFinalStop } from "../../notifications/event-helpers";

/** What the admin sends; who acts and when come with the call (ActorCall). */
export const RemoveMessageInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  messageId: Id("message"),
  reason: SenderReason,
});
export type RemoveMessageInput = z.input<typeof RemoveMessageInput>;

export interface RemovedMessage {
  messageId: string;
  removedAt: Date;
  /** When its flag was reviewed (this removal reviews it); null for a message that was never flagged. */
  reviewedAt: Date | null;
}

/**
 * An admin removes a message (economy.md §5): both people see a notice in its place, and the
 * sender sees the reason. Its flag counts as reviewed. Audit-logged; a second removal is refused.
 */
export async function removeMessage(prisma: PrismaClient, input: RemoveMessageInput & ActorCall): Promise<RemovedMessage> {
  const data = parseCall(RemoveMessageInput, input);
  const { messageId, idempotencyKey, reason, actorId, now } = data;
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "ADMIN", "remove messages");
    const { result } = await idempotent(
      tx,
      { operation: "message.remove", userId: actorId, key: idempotencyKey, request: { messageId, reason } },
      async () => {
        return removeMessageWithin(tx, { messageId, reason, actorId, now });
      },
      jsonCodec<RemovedMessage>(),
    );
    return result;
  });
}

/** The removal itself, inside the caller's transaction (removeMessage, and the reports queue's "remove", economy.md §5.2). */
export async function removeMessageWithin(tx: Tx, input: { messageId: string; reason: string; actorId: string; now: Date }): Promise<RemovedMessage> {
  const { messageId, reason, actorId, now } = input;
  const message = await lockMessageForModeration(tx, messageId);
  if (message.removedAt) throw new DomainError("CONFLICT", "This message was already removed.");
  await tx.message.update({ where: { id: messageId }, data: { removedAt: now, removedReason: reason, removedById: actorId } });
  const reviewedAt = await reviewFlagWith(tx, message, now);
  await writeAudit(tx, {
    actorId,
    action: "message.remove",
    targetType: "Message",
    targetId: messageId,
    before: { removedAt: null, reviewedAt: message.reviewedAt },
    after: { removedAt: now, reviewedAt },
    reason,
    now,
  });
  await notify(tx, {
    userId: message.senderId,
    kind: "message_removed",
    eventKey: `message_removed:${messageId}`,
    data: { reason: withoutFinalStop(reason) },
    link: await messageLink(tx, messageId),
    now,
  });
  return { messageId, removedAt: now, reviewedAt };
}
