import { TEXT_RULES } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Text } from "../fields";
import { Id, parseCall } from "../input";
import { writeAudit } from "../connects/audit";

/** What the admin sends; who acts and when come with the call (ActorCall). */
export const MarkFlagReviewedInput = z.strictObject({
  messageId: Id("message"),
  idempotencyKey: IdempotencyKey,
  reason: Text(TEXT_RULES.flagReviewNote),
});
export type MarkFlagReviewedInput = z.input<typeof MarkFlagReviewedInput>;

export interface ReviewedFlag {
  messageId: string;
  reviewedAt: Date;
}

/** An admin marks a flagged message as reviewed, with a note; audit-logged (economy.md §6). */
export async function markFlagReviewed(prisma: PrismaClient, input: MarkFlagReviewedInput & ActorCall): Promise<ReviewedFlag> {
  const data = parseCall(MarkFlagReviewedInput, input);
  const { messageId, idempotencyKey, reason, actorId, now } = data;
  return runTransaction(prisma, async (tx) => {
    const { result } = await idempotent(
      tx,
      { operation: "message.reviewFlag", userId: actorId, key: idempotencyKey, request: { messageId, reason } },
      async () => {
        await requireActor(tx, data, "ADMIN", "review flagged messages");
        const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Message" WHERE id = ${messageId}::uuid FOR UPDATE`;
        const message = locked.length ? await tx.message.findUnique({ where: { id: messageId }, select: { flags: true, reviewedAt: true } }) : null;
        if (!message || message.flags.length === 0) throw new DomainError("NOT_FOUND", "This flagged message does not exist.");
        if (message.reviewedAt) throw new DomainError("CONFLICT", "This message was already reviewed.");
        await tx.message.update({ where: { id: messageId }, data: { reviewedAt: now } });
        await writeAudit(tx, {
          actorId,
          action: "message.flag_reviewed",
          targetType: "Message",
          targetId: messageId,
          before: { flags: message.flags, reviewedAt: null },
          after: { flags: message.flags, reviewedAt: now },
          reason,
          now,
        });
        return { messageId, reviewedAt: now };
      },
      jsonCodec<ReviewedFlag>(),
    );
    return result;
  });
}
