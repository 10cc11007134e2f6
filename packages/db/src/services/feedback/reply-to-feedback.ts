import { assertFeedbackPermission, canReply, TEXT_RULES } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Text } from "../fields";
import { Id, parseCall } from "../input";
import { lockFeedbackContract, noSuchFeedback, shieldPublicText, visibilityOf, windowDaysFor } from "./shared";

/** What the rated person types; who acts and when come with the call (ActorCall). */
export const ReplyToFeedbackInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  feedbackId: Id("feedback"),
  reply: Text(TEXT_RULES.feedbackReply),
});
export type ReplyToFeedbackInput = z.input<typeof ReplyToFeedbackInput>;

export interface FeedbackReply {
  feedbackId: string;
  repliedAt: Date;
}

/**
 * The rated person replies once, publicly, to feedback about them once it is revealed and not
 * hidden (economy.md §10.4); the reply passes the scam shield like a comment. Before the reveal the
 * feedback does not exist for them (double-blind), so they are told exactly that.
 */
export async function replyToFeedback(prisma: PrismaClient, input: ReplyToFeedbackInput & ActorCall): Promise<FeedbackReply> {
  const data = parseCall(ReplyToFeedbackInput, input);
  const { idempotencyKey, feedbackId, reply, actorId, now } = data;
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, ["CLIENT", "FREELANCER"], "reply to feedback", { active: true });
    const { result } = await idempotent(
      tx,
      { operation: "feedback.reply", userId: actorId, key: idempotencyKey, request: { feedbackId, reply } },
      async (): Promise<FeedbackReply> => {
        const found = await tx.feedback.findUnique({ where: { id: feedbackId }, select: { contractId: true } });
        const contract = found ? await lockFeedbackContract(tx, found.contractId) : null;
        const feedback = await tx.feedback.findUnique({ where: { id: feedbackId }, select: { authorId: true, subjectId: true, reply: true, hiddenAt: true } });
        if (!contract || !feedback || (feedback.authorId !== actorId && feedback.subjectId !== actorId)) throw noSuchFeedback();
        const visibility = visibilityOf(contract, await windowDaysFor(tx, contract.endedAt, now), now)!;
        if (feedback.subjectId === actorId && !visibility.revealed) throw noSuchFeedback();
        assertFeedbackPermission(
          canReply({ isRated: feedback.subjectId === actorId, visibility, hidden: feedback.hiddenAt !== null, alreadyReplied: feedback.reply !== null }),
          "FEEDBACK_REPLY_NOT_ALLOWED",
        );
        await shieldPublicText(tx, reply, "reply", now);
        await tx.feedback.update({ where: { id: feedbackId }, data: { reply, repliedAt: now } });
        return { feedbackId, repliedAt: now };
      },
      jsonCodec<FeedbackReply>(),
    );
    return result;
  });
}
