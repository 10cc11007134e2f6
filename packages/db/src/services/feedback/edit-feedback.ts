import { assertFeedbackPermission, canEditFeedback, type FeedbackSide } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";
import { checkedRatings, FeedbackFields, lockFeedbackContract, noSuchFeedback, shieldPublicText, visibilityOf, windowDaysFor } from "./shared";

/** The feedback and all of it again, as the author rewrites it; who acts and when come with the call. */
export const EditFeedbackInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  feedbackId: Id("feedback"),
  ...FeedbackFields,
});
export type EditFeedbackInput = z.input<typeof EditFeedbackInput>;

export interface EditedFeedback {
  feedbackId: string;
  side: FeedbackSide;
  updatedAt: Date;
}

/**
 * The author rewrites their feedback (stars, comment, private note) while it is still blind
 * (economy.md §10.4): never after the reveal. Anyone but the author is told it does not exist, so an
 * unrevealed feedback is never confirmed to anyone else.
 */
export async function editFeedback(prisma: PrismaClient, input: EditFeedbackInput & ActorCall): Promise<EditedFeedback> {
  const data = parseCall(EditFeedbackInput, input);
  const { idempotencyKey, feedbackId, overall, facets, comment, actorId, now } = data;
  const privateNote = data.privateNote || null;
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, ["CLIENT", "FREELANCER"], "change feedback", { active: true });
    const { result } = await idempotent(
      tx,
      { operation: "feedback.edit", userId: actorId, key: idempotencyKey, request: { feedbackId, overall, facets, comment, privateNote } },
      async (): Promise<EditedFeedback> => {
        const found = await tx.feedback.findUnique({ where: { id: feedbackId }, select: { contractId: true, authorId: true } });
        if (!found || found.authorId !== actorId) throw noSuchFeedback();
        const contract = (await lockFeedbackContract(tx, found.contractId))!;
        const mine = contract.feedback.find((f) => f.id === feedbackId)!;
        const visibility = visibilityOf(contract, await windowDaysFor(tx, contract.endedAt, now), now)!;
        assertFeedbackPermission(canEditFeedback({ isAuthor: true, visibility }), "FEEDBACK_NOT_EDITABLE");
        const stored = checkedRatings(mine.side, { overall, facets });
        await shieldPublicText(tx, comment, "comment", now);
        await tx.feedback.update({ where: { id: feedbackId }, data: { overall, facets: stored, comment, privateNote, updatedAt: now } });
        return { feedbackId, side: mine.side, updatedAt: now };
      },
      jsonCodec<EditedFeedback>(),
    );
    return result;
  });
}
