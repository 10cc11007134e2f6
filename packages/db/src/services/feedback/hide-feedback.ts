import { canHideFeedback, canUnhideFeedback, TEXT_RULES } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { writeAudit } from "../connects/audit";
import { Text } from "../fields";
import { Id, parseCall } from "../input";
import { lockFeedbackContract, noSuchFeedback, visibilityOf, windowDaysFor } from "./shared";
import { notify } from "../../notifications";
import { LINKS, withoutFinalStop } from "../../notifications/event-helpers";

/** What the admin sends to hide feedback or show it again; who acts and when come with the call. */
export const HideFeedbackInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  feedbackId: Id("feedback"),
  reason: Text(TEXT_RULES.feedbackHideReason),
});
export type HideFeedbackInput = z.input<typeof HideFeedbackInput>;

export interface FeedbackModeration {
  feedbackId: string;
  hiddenAt: Date | null;
  hiddenReason: string | null;
}

/**
 * An admin hides a revealed feedback's comment and stars with a reason (economy.md §10.5): the public
 * no longer sees it, nor counts its stars; its two people see "Hidden by Fairlance" and the reason.
 * Showing it again takes a reason too. Both are audit-logged (§6). Unrevealed feedback is not
 * shown to admins either, so it cannot be hidden (the rules' sentence says why).
 */
export async function hideFeedback(prisma: PrismaClient, input: HideFeedbackInput & ActorCall): Promise<FeedbackModeration> {
  return moderate(prisma, input, true);
}

/** An admin shows hidden feedback again, with a reason; audit-logged. */
export async function unhideFeedback(prisma: PrismaClient, input: HideFeedbackInput & ActorCall): Promise<FeedbackModeration> {
  return moderate(prisma, input, false);
}

async function moderate(prisma: PrismaClient, input: HideFeedbackInput & ActorCall, hide: boolean): Promise<FeedbackModeration> {
  const data = parseCall(HideFeedbackInput, input);
  const { idempotencyKey, feedbackId, reason, actorId, now } = data;
  const operation = hide ? "feedback.hide" : "feedback.unhide";
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, "ADMIN", hide ? "hide feedback" : "show hidden feedback");
    const { result } = await idempotent(
      tx,
      { operation, userId: actorId, key: idempotencyKey, request: { feedbackId, reason } },
      async (): Promise<FeedbackModeration> => {
        const found = await tx.feedback.findUnique({ where: { id: feedbackId }, select: { contractId: true } });
        if (!found) throw noSuchFeedback();
        const contract = (await lockFeedbackContract(tx, found.contractId))!;
        const feedback = (await tx.feedback.findUnique({ where: { id: feedbackId }, select: { hiddenAt: true, hiddenReason: true, authorId: true } }))!;
        const hidden = feedback.hiddenAt !== null;
        // Hidden twice, shown twice, or hidden before the reveal: a state conflict, as for messages.
        const permission = hide
          ? canHideFeedback({ visibility: visibilityOf(contract, await windowDaysFor(tx, contract.endedAt, now), now)!, hidden })
          : canUnhideFeedback({ hidden });
        if (!permission.ok) throw new DomainError("CONFLICT", permission.reason);
        const after = hide ? { hiddenAt: now, hiddenReason: reason } : { hiddenAt: null, hiddenReason: null };
        await tx.feedback.update({ where: { id: feedbackId }, data: { ...after, hiddenById: hide ? actorId : null } });
        const auditId = await writeAudit(tx, {
          actorId,
          action: operation,
          targetType: "Feedback",
          targetId: feedbackId,
          before: { hiddenAt: feedback.hiddenAt, hiddenReason: feedback.hiddenReason },
          after,
          reason,
          now,
        });
        // Its author is told why it was hidden (showing it again tells no one).
        if (hide) {
          await notify(tx, {
            userId: feedback.authorId,
            kind: "feedback_hidden",
            eventKey: `feedback_hidden:${auditId}`,
            data: { jobTitle: contract.title, reason: withoutFinalStop(reason) },
            link: LINKS.contract(contract.id),
            now,
          });
        }
        return { feedbackId, ...after };
      },
      jsonCodec<FeedbackModeration>(),
    );
    return result;
  });
}
