import {
  FEEDBACK_FACETS,
  TEXT_RULES,
  feedbackClosesAt,
  feedbackRatingsProblems,
  feedbackVisibility,
  resolveSettings,
  scanMessage,
  settingValueFromJson,
  type FeedbackFacet,
  type FeedbackSide,
  type FeedbackVisibility,
} from "@fairlance/rules";
import { z } from "zod";
import { Prisma, type Db, type Tx } from "../../client";
import { DomainError } from "../../errors";
import { loadSettings } from "../../settings/load-settings";
import { Text } from "../fields";

/**
 * What the feedback services share (economy.md §10): the fields an author types, the contract a
 * feedback belongs to (locked), the window in force when it ended, its double-blind state through
 * the rules, and the scam shield on public text.
 */

/** Stars as typed; whole stars from 1 to 5 for the author's side are the rules' check (feedbackRatingsProblems). */
const Stars = z.number("Give stars as a number from 1 to 5.");

/**
 * The facets of both sides, each optional here: which ones an author must rate depends on their side,
 * which the rules check once the actor is known. A facet nobody rates is refused as an unknown field.
 */
export const FacetStars = z.strictObject({
  skills: Stars.optional(),
  quality: Stars.optional(),
  communication: Stars.optional(),
  deadlines: Stars.optional(),
  cooperation: Stars.optional(),
  clarity: Stars.optional(),
  payment: Stars.optional(),
} satisfies Record<FeedbackFacet, unknown>);

/** The fields of one feedback, as its author writes (and rewrites) them. */
export const FeedbackFields = {
  overall: Stars,
  facets: FacetStars,
  comment: Text(TEXT_RULES.feedbackComment),
  privateNote: Text(TEXT_RULES.feedbackPrivateNote).optional(),
};

/** Stars of one side's facets, in the rules' order (what is stored in Feedback.facets). */
export type FacetRatings = Partial<Record<FeedbackFacet, number>>;

/**
 * The rules' check of the stars an author of `side` gives: every problem is an INVALID_REQUEST issue
 * on its field (`overall`, `facets.skills`, `facets`), so a form shows each beside its stars.
 * Returns the facets to store, in the rules' order.
 */
export function checkedRatings(side: FeedbackSide, ratings: { overall: number; facets: FacetRatings }): FacetRatings {
  const problems = feedbackRatingsProblems(side, ratings);
  if (problems.length > 0) {
    throw new DomainError("INVALID_REQUEST", problems.map((p) => p.sentence).join(" "), { issues: problems.map((p) => ({ path: p.field, message: p.sentence })) });
  }
  return Object.fromEntries(FEEDBACK_FACETS[side].map((facet) => [facet, ratings.facets[facet]]));
}

/**
 * The scam shield on public text (a comment, a reply), with the patterns in force.
 *
 * Messages are flagged, not refused (services/messages/send-message.ts): a message goes to one
 * person, who is warned above it, and the admins review the flag. Feedback is different: it is
 * public and stays on a profile, read by people who have no contract with its author and see no
 * warning, and it has no moderation queue. So it is refused, with the sentence naming what
 * matched, and the author rewrites it. Contact details count as well (scanned as before any
 * contract): a phone number on a profile invites every reader off the platform.
 */
export async function shieldPublicText(db: Db, text: string, field: "comment" | "reply", now: Date): Promise<void> {
  const { settings } = await loadSettings(db, now);
  const matches = scanMessage(text, { hasContract: false, patterns: settings.scamShieldPatterns });
  if (matches.length === 0) return;
  const what = [...new Set(matches.map((match) => match.label.toLowerCase()))].join(", ");
  const sentence = `Feedback is public, so a ${field} cannot include ${what}. Remove it and try again.`;
  throw new DomainError("INVALID_REQUEST", sentence, { issues: [{ path: field, message: sentence }] });
}

/** What the feedback operations read of a contract. */
export const FEEDBACK_CONTRACT = {
  id: true,
  title: true,
  clientId: true,
  freelancerId: true,
  status: true,
  endedAt: true,
  feedbackRevealedAt: true,
  feedback: { select: { id: true, side: true, authorId: true, submittedAt: true } },
} as const satisfies Prisma.ContractSelect;
export type FeedbackContract = Prisma.ContractGetPayload<{ select: typeof FEEDBACK_CONTRACT }>;

/**
 * Locks a contract (SELECT … FOR UPDATE) for a feedback operation and reads it. The lock orders the
 * two sides' submissions, so the second one always sees the first and reveals both, and an edit
 * never slips in after the reveal. A contract that is not there is null.
 */
export async function lockFeedbackContract(tx: Tx, contractId: string): Promise<FeedbackContract | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Contract" WHERE id = ${contractId}::uuid FOR UPDATE`;
  return rows.length ? tx.contract.findUnique({ where: { id: contractId }, select: FEEDBACK_CONTRACT }) : null;
}

/** The side a party writes from: the client rates the freelancer, the freelancer the client. */
export const sideOf = (contract: { clientId: string }, userId: string): FeedbackSide => (contract.clientId === userId ? "CLIENT" : "FREELANCER");

/** Whether the contract paid the freelancer anything (released Payment rows: a milestone, a week, a bonus, a split). */
export async function movedMoney(db: Db, contractId: string): Promise<boolean> {
  return (await db.payment.count({ where: { contractId, grossMinor: { gt: 0n } } })) > 0;
}

/**
 * The feedback window of contracts by when they ended: the days in force at the end of each
 * (economy.md §10.2), so an admin's later change moves no window that is already open. Reads the
 * setting's history once for a batch.
 */
export async function feedbackWindows(db: Db): Promise<{ daysAt: (endedAt: Date) => number; longest: number }> {
  const rows = await db.settingVersion.findMany({ where: { key: "feedbackWindowDays" }, select: { key: true, value: true, effectiveFrom: true } });
  const versions = rows.map((row) => ({ key: "feedbackWindowDays" as const, value: settingValueFromJson("feedbackWindowDays", row.value), effectiveFrom: row.effectiveFrom }));
  const longest = Math.max(resolveSettings([], new Date(0)).feedbackWindowDays, ...versions.map((v) => v.value as number));
  return { daysAt: (endedAt) => resolveSettings(versions, endedAt).feedbackWindowDays, longest };
}

/** The window in force when one contract ended (or now, for one that has not ended: eligibility refuses it anyway). */
export async function windowDaysFor(db: Db, endedAt: Date | null, now: Date): Promise<number> {
  return (await loadSettings(db, endedAt ?? now)).settings.feedbackWindowDays;
}

/** The double-blind state of a contract's feedback at `now` (the rules' feedbackVisibility); null before it ended. */
export function visibilityOf(
  contract: { endedAt: Date | null; feedback: readonly { side: FeedbackSide; submittedAt: Date }[] },
  windowDays: number,
  now: Date,
): FeedbackVisibility | null {
  if (!contract.endedAt) return null;
  const at = (side: FeedbackSide) => contract.feedback.find((f) => f.side === side)?.submittedAt ?? null;
  return feedbackVisibility({ endedAt: contract.endedAt, windowDays, now, clientSubmittedAt: at("CLIENT"), freelancerSubmittedAt: at("FREELANCER") });
}

/** A feedback that is not the caller's to see: exactly like one that does not exist (double-blind). */
export const noSuchFeedback = () => new DomainError("NOT_FOUND", "This feedback does not exist.");

/** When the feedback window of a contract that ended at `endedAt` closes, with the days in force then. */
export const feedbackClosesAtFor = (windows: { daysAt: (endedAt: Date) => number }, endedAt: Date): Date => feedbackClosesAt(endedAt, windows.daysAt(endedAt));
