import { assertFeedbackEligible, FEEDBACK_TEXT, type FeedbackSide } from "@fairlance/rules";
import { z } from "zod";
import { Prisma, type PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { assertParty, ruleStatus } from "../contracts/access";
import { Id, parseCall } from "../input";
import { tellRevealedFeedback } from "./tell-revealed";
import { checkedRatings, FeedbackFields, lockFeedbackContract, movedMoney, shieldPublicText, sideOf, windowDaysFor } from "./shared";

/** What the author types; who acts and when come with the call (ActorCall). */
export const LeaveFeedbackInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  contractId: Id("contract"),
  ...FeedbackFields,
});
export type LeaveFeedbackInput = z.input<typeof LeaveFeedbackInput>;

export interface LeftFeedback {
  feedbackId: string;
  contractId: string;
  side: FeedbackSide;
  submittedAt: Date;
  /** When the window closes (and this feedback shows, if the other side leaves none). */
  closesAt: Date;
  /** Now, when this was the second side's feedback and both are revealed; null while it stays blind. */
  revealedAt: Date | null;
}

/** The refusal when this side's feedback is already there: a second submission, or the loser of a race. */
const alreadyLeft = () => new DomainError("CONFLICT", FEEDBACK_TEXT.alreadyLeft);

/**
 * A party leaves feedback on an ended contract that paid the freelancer, within the window in force
 * when it ended, once per side (economy.md §10.2): stars overall and for each facet of their side,
 * a public comment (through the scam shield) and a private note for Fairlance. It stays blind
 * (§10.3) until the other side leaves theirs — this submission then reveals both, in this
 * transaction — or the window closes (the runner's `reveal_feedback`).
 *
 * One per side: the contract's lock orders concurrent submissions, so the later one finds the first
 * and is refused with CONFLICT; the unique (contractId, side) is the database's guarantee of the same.
 */
export async function leaveFeedback(prisma: PrismaClient, input: LeaveFeedbackInput & ActorCall): Promise<LeftFeedback> {
  const data = parseCall(LeaveFeedbackInput, input);
  const { idempotencyKey, contractId, overall, facets, comment, actorId, now } = data;
  const privateNote = data.privateNote || null;
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, ["CLIENT", "FREELANCER"], "leave feedback", { active: true });
    const { result } = await idempotent(
      tx,
      { operation: "feedback.leave", userId: actorId, key: idempotencyKey, request: { contractId, overall, facets, comment, privateNote } },
      async (): Promise<LeftFeedback> => {
        const contract = await lockFeedbackContract(tx, contractId);
        assertParty(contract, actorId, "either");
        const side = sideOf(contract, actorId);
        if (contract.feedback.some((f) => f.side === side)) throw alreadyLeft();
        const closesAt = assertFeedbackEligible({
          contractStatus: ruleStatus(contract.status),
          endedAt: contract.endedAt,
          movedMoney: await movedMoney(tx, contractId),
          now,
          windowDays: await windowDaysFor(tx, contract.endedAt, now),
          alreadyLeft: false,
        });
        const stored = checkedRatings(side, { overall, facets });
        await shieldPublicText(tx, comment, "comment", now);
        const subjectId = side === "CLIENT" ? contract.freelancerId : contract.clientId;
        let feedbackId: string;
        try {
          const created = await tx.feedback.create({
            data: { contractId, side, authorId: actorId, subjectId, overall, facets: stored, comment, privateNote, submittedAt: now, updatedAt: now },
            select: { id: true },
          });
          feedbackId = created.id;
        } catch (error) {
          if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw alreadyLeft();
          throw error;
        }
        // The second side's feedback reveals both (the rules' feedbackVisibility: at the later submission).
        const revealedAt = contract.feedback.length > 0 ? now : null;
        if (revealedAt) {
          await tx.contract.update({ where: { id: contractId }, data: { feedbackRevealedAt: revealedAt } });
          await tellRevealedFeedback(tx, contractId, now);
        }
        return { feedbackId, contractId, side, submittedAt: now, closesAt, revealedAt };
      },
      jsonCodec<LeftFeedback>(),
    );
    return result;
  });
}
