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
import { LINKS, withoutFinalStop } from "../../notifications/event-helpers";

/** What the admin sends; who acts and when come with the call (ActorCall). */
export const WarnSenderInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  messageId: Id("message"),
  reason: SenderReason,
});
export type WarnSenderInput = z.input<typeof WarnSenderInput>;

export interface SenderWarning {
  warningId: string;
  userId: string;
  messageId: string;
  createdAt: Date;
  /** Warnings the sender has had, this one included. */
  warnings: number;
}

/**
 * An admin warns the sender of a message (economy.md §5): the warning and its reason are shown on
 * the sender's dashboard for 30 days. At most one warning per message; its flag counts as reviewed.
 * Audit-logged.
 */
export async function warnSender(prisma: PrismaClient, input: WarnSenderInput & ActorCall): Promise<SenderWarning> {
  const data = parseCall(WarnSenderInput, input);
  const { messageId, idempotencyKey, reason, actorId, now } = data;
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "ADMIN", "warn people");
    const { result } = await idempotent(
      tx,
      { operation: "message.warnSender", userId: actorId, key: idempotencyKey, request: { messageId, reason } },
      async () => {
        const message = await lockMessageForModeration(tx, messageId);
        if (message.warning) throw new DomainError("CONFLICT", `${message.sender.name} was already warned about this message.`);
        const { warningId, warnings } = await warnUser(tx, { userId: message.senderId, messageId, subject: { messageId }, reason, actorId, now });
        await reviewFlagWith(tx, message, now);
        return { warningId, userId: message.senderId, messageId, createdAt: now, warnings };
      },
      jsonCodec<SenderWarning>(),
    );
    return result;
  });
}

/**
 * The one way a person is warned (economy.md §5, §5.2): the warning (tied to a message when
 * `messageId` is given; at most one per message), its audit line naming what it was about
 * (`subject`), and the notification, with `about` in words when it concerns something other than a
 * message they sent. Inside the caller's transaction; shared by warnSender and the reports' "warn".
 */
export async function warnUser(
  tx: Tx,
  input: { userId: string; messageId: string | null; subject: Record<string, string>; about?: string; reason: string; actorId: string; now: Date },
): Promise<{ warningId: string; warnings: number }> {
  const { userId, messageId, reason, actorId, now } = input;
  const before = await tx.warning.count({ where: { userId } });
  const warning = await tx.warning.create({ data: { userId, messageId, reason, createdById: actorId, createdAt: now } });
  await writeAudit(tx, {
    actorId,
    action: "user.warn",
    targetType: "User",
    targetId: userId,
    before: { warnings: before },
    after: { warnings: before + 1, ...input.subject },
    reason,
    now,
  });
  await notify(tx, {
    userId,
    kind: "account_warned",
    eventKey: `account_warned:${warning.id}`,
    data: { reason: withoutFinalStop(reason), ...(input.about === undefined ? {} : { about: input.about }) },
    link: LINKS.dashboard(),
    now,
  });
  return { warningId: warning.id, warnings: before + 1 };
}
