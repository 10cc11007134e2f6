import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { writeAudit } from "../connects/audit";
import { Id, parseInput, requireActor } from "../jobs/shared";

export const MarkFlagReviewedInput = z.object({
  messageId: Id("message"),
  idempotencyKey: IdempotencyKey,
  reason: z.string().trim().min(3, "Note what you found (at least 3 characters).").max(1_000, "Keep the note under 1,000 characters."),
});

export interface ReviewedFlag {
  messageId: string;
  reviewedAt: Date;
}

/** An admin marks a flagged message as reviewed, with a note; audit-logged (RULES 6). */
export async function markFlagReviewed(
  prisma: PrismaClient,
  input: z.input<typeof MarkFlagReviewedInput> & { actorId: string; now: Date },
): Promise<ReviewedFlag> {
  const { messageId, idempotencyKey, reason } = parseInput(MarkFlagReviewedInput, input);
  const { actorId, now } = input;
  return runTransaction(prisma, async (tx) => {
    const { result } = await idempotent(
      tx,
      { operation: "message.review_flag", userId: actorId, key: idempotencyKey, request: { messageId, reason } },
      async () => {
        await requireActor(tx, actorId, "ADMIN", "review flagged messages");
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
