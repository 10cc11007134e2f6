import type { Tx } from "../../client";
import { notify } from "../../notifications";
import { LINKS } from "../../notifications/event-helpers";

/**
 * Feedback is revealed (economy.md §10.3): each person it is about is told who left it and its
 * overall stars, once per feedback. Called in the transaction that reveals it: the second side's
 * submission, or the runner's close of the window.
 */
export async function tellRevealedFeedback(tx: Tx, contractId: string, now: Date): Promise<void> {
  const contract = await tx.contract.findUniqueOrThrow({
    where: { id: contractId },
    select: { id: true, title: true, feedback: { where: { hiddenAt: null }, select: { id: true, subjectId: true, overall: true, author: { select: { name: true } } } } },
  });
  for (const feedback of contract.feedback) {
    await notify(tx, {
      userId: feedback.subjectId,
      kind: "feedback_received",
      eventKey: `feedback_received:${feedback.id}`,
      data: { jobTitle: contract.title, fromName: feedback.author.name, overall: feedback.overall },
      link: LINKS.contract(contract.id),
      now,
    });
  }
}
