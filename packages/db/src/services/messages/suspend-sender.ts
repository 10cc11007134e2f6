import { z } from "zod";
import type { PrismaClient } from "../../client";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { changeSuspension, type SuspensionChange } from "../admin/suspend-user";
import { Id, parseCall } from "../input";
import { lockMessageForModeration, reviewFlagWith, SenderReason } from "./moderation";

/** What the admin sends; who acts and when come with the call (ActorCall). */
export const SuspendSenderInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  messageId: Id("message"),
  reason: SenderReason,
});
export type SuspendSenderInput = z.input<typeof SuspendSenderInput>;

export type SuspendedSender = SuspensionChange & { messageId: string };

/**
 * An admin suspends the sender of a message from the moderation queue: the same suspension as
 * from the people page (services/admin/suspend-user.ts: sessions end, the reason is shown to them,
 * audit-logged as user.suspend), and the message's flag counts as reviewed, in one transaction.
 */
export async function suspendSender(prisma: PrismaClient, input: SuspendSenderInput & ActorCall): Promise<SuspendedSender> {
  const data = parseCall(SuspendSenderInput, input);
  const { messageId, idempotencyKey, reason, actorId, now } = data;
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "ADMIN", "suspend people");
    const { result } = await idempotent(
      tx,
      { operation: "message.suspendSender", userId: actorId, key: idempotencyKey, request: { messageId, reason } },
      async () => {
        const message = await lockMessageForModeration(tx, messageId);
        const { name: _name, effects: _effects, ...change } = await changeSuspension(tx, { actorId, userId: message.senderId, reason, now, suspend: true });
        await reviewFlagWith(tx, message, now);
        return { ...change, messageId };
      },
      jsonCodec<SuspendedSender>(),
    );
    return result;
  });
}
