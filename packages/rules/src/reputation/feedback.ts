import { formatUtcMoment } from "../contracts/guards";
import type { ContractStatus } from "../contracts/lifecycles";
import { RuleViolation, type RuleViolationCode } from "../errors";
import { addDays, assertValidDate } from "../time";

/**
 * Feedback when a contract ends (economy.md §10.2–10.4): who rates what, when feedback may be left,
 * the double-blind reveal, who sees what, editing, the one reply, and the average of stars.
 */

/** The author's side: the client rates the freelancer, the freelancer rates the client. */
export const FEEDBACK_SIDES = ["CLIENT", "FREELANCER"] as const;
export type FeedbackSide = (typeof FEEDBACK_SIDES)[number];

/** What each side rates besides the overall stars, keyed by the author's side. */
export const FEEDBACK_FACETS = {
  CLIENT: ["skills", "quality", "communication", "deadlines", "cooperation"],
  FREELANCER: ["clarity", "payment", "communication"],
} as const satisfies Record<FeedbackSide, readonly string[]>;

/** The facets an author of `Side` rates. */
export type FacetOf<Side extends FeedbackSide> = (typeof FEEDBACK_FACETS)[Side][number];
export type FeedbackFacet = FacetOf<FeedbackSide>;

/** How a facet is named beside its stars. */
export const FACET_LABELS: Readonly<Record<FeedbackFacet, string>> = Object.freeze({
  skills: "Skills",
  quality: "Quality of work",
  communication: "Communication",
  deadlines: "Meeting deadlines",
  cooperation: "Cooperation",
  clarity: "Clear requirements",
  payment: "Prompt payment",
});

/** The person an author of `side` rates. */
export const ratedSide = (author: FeedbackSide): FeedbackSide => (author === "CLIENT" ? "FREELANCER" : "CLIENT");

/** Stars are whole numbers from 1 to 5, overall and for each facet. */
export const STAR_RULE = { min: 1, max: 5 } as const;
export type Stars = 1 | 2 | 3 | 4 | 5;

export const isStars = (value: unknown): value is Stars =>
  typeof value === "number" && Number.isInteger(value) && value >= STAR_RULE.min && value <= STAR_RULE.max;

/**
 * Why a rating is refused, or undefined when it is whole stars from 1 to 5: "Give 1 to 5 whole stars
 * overall.", or for a facet (its label) "Rate quality of work with 1 to 5 whole stars.".
 */
export function starsProblem(value: unknown, facetLabel?: string): string | undefined {
  if (isStars(value)) return undefined;
  return facetLabel === undefined ? "Give 1 to 5 whole stars overall." : `Rate ${facetLabel.toLowerCase()} with 1 to 5 whole stars.`;
}

/** The stars one author gives: overall, and each facet of their side. */
export interface FeedbackRatings {
  overall: unknown;
  facets: Readonly<Record<string, unknown>>;
}

/**
 * Every problem with the stars an author of `side` gives, each with its field (`overall`,
 * `facets.skills`, `facets` for a facet that side does not rate); empty when all are right.
 */
export function feedbackRatingsProblems(side: FeedbackSide, ratings: FeedbackRatings): { field: string; sentence: string }[] {
  const problems: { field: string; sentence: string }[] = [];
  const overall = starsProblem(ratings.overall);
  if (overall) problems.push({ field: "overall", sentence: overall });
  const facets: readonly string[] = FEEDBACK_FACETS[side];
  for (const facet of FEEDBACK_FACETS[side]) {
    const problem = starsProblem(ratings.facets[facet], FACET_LABELS[facet]);
    if (problem) problems.push({ field: `facets.${facet}`, sentence: problem });
  }
  const unknown = Object.keys(ratings.facets).filter((key) => !facets.includes(key));
  if (unknown.length > 0) {
    const rates = side === "CLIENT" ? "A client rates" : "A freelancer rates";
    problems.push({ field: "facets", sentence: `${rates} ${facetList(side)}; "${unknown[0]}" is not one of them.` });
  }
  return problems;
}

/** "skills, quality of work, … and cooperation". */
function facetList(side: FeedbackSide): string {
  const words = FEEDBACK_FACETS[side].map((facet) => FACET_LABELS[facet].toLowerCase());
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/** Throws FEEDBACK_RATING_INVALID naming the first problem with the stars given. */
export function assertFeedbackRatings(side: FeedbackSide, ratings: FeedbackRatings): void {
  const problems = feedbackRatingsProblems(side, ratings);
  if (problems.length > 0) throw new RuleViolation("FEEDBACK_RATING_INVALID", problems[0]!.sentence, { problems });
}

/** The sentences the feedback rules say, written once (the pages may show them before anyone tries). */
export const FEEDBACK_TEXT = {
  notEnded: "Feedback can be left only after the contract ends.",
  noMoney: "Only contracts that paid the freelancer can get feedback.",
  alreadyLeft: "You have already left feedback on this contract; you can change it until it is revealed.",
  windowClosed: (windowDays: number, closesAt: Date) => `The ${windowDays}-day feedback window closed on ${formatUtcMoment(closesAt)}.`,
  notAuthor: "Only the person who wrote this feedback can change it.",
  revealedNoEdit: (revealedAt: Date) => `Feedback can be changed only until it is revealed; this one was revealed on ${formatUtcMoment(revealedAt)}.`,
  notRated: "Only the person who was rated can reply to this feedback.",
  replyBeforeReveal: "You can reply once the feedback is revealed: when you have both left yours, or when the feedback window closes.",
  alreadyReplied: "You have already replied to this feedback; each feedback gets one reply.",
  hiddenNoReply: "This feedback was hidden by Fairlance, so it cannot be replied to.",
  hideBeforeReveal: "Feedback can be hidden only once it is revealed; until then nobody but its author sees it.",
  alreadyHidden: "This feedback is already hidden.",
} as const;

/** A yes, or a no with the sentence that says why. */
export type FeedbackPermission = { ok: true } | { ok: false; reason: string };

const allowed: FeedbackPermission = Object.freeze({ ok: true });
const refused = (reason: string): FeedbackPermission => ({ ok: false, reason });

/** When the feedback window of a contract that ended at `endedAt` closes: `windowDays` later (exclusive). */
export function feedbackClosesAt(endedAt: Date, windowDays: number): Date {
  assertValidDate(endedAt, "end of the contract");
  return addDays(endedAt, windowDays);
}

export interface FeedbackEligibilityInput {
  contractStatus: ContractStatus;
  endedAt: Date | null;
  /** Whether the contract paid the freelancer anything (a milestone, a week, a bonus, a split). */
  movedMoney: boolean;
  now: Date;
  /** `settings.feedbackWindowDays` in force. */
  windowDays: number;
  /** Whether this author's side has already left feedback on the contract (one per side). */
  alreadyLeft: boolean;
}

export type FeedbackEligibility = { ok: true; closesAt: Date } | { ok: false; reason: string };

/**
 * Whether one side may leave feedback now (economy.md §10.2): the contract has ended, it paid the
 * freelancer, this side has not left feedback yet, and the window is open (`now < closesAt`).
 */
export function feedbackEligibility(input: FeedbackEligibilityInput): FeedbackEligibility {
  if (input.contractStatus !== "ended" || input.endedAt === null) return { ok: false, reason: FEEDBACK_TEXT.notEnded };
  if (!input.movedMoney) return { ok: false, reason: FEEDBACK_TEXT.noMoney };
  if (input.alreadyLeft) return { ok: false, reason: FEEDBACK_TEXT.alreadyLeft };
  const closesAt = feedbackClosesAt(input.endedAt, input.windowDays);
  if (input.now.getTime() >= closesAt.getTime()) return { ok: false, reason: FEEDBACK_TEXT.windowClosed(input.windowDays, closesAt) };
  return { ok: true, closesAt };
}

/** `feedbackEligibility` for a service: the closing moment, or FEEDBACK_NOT_ALLOWED with the sentence. */
export function assertFeedbackEligible(input: FeedbackEligibilityInput): Date {
  const eligibility = feedbackEligibility(input);
  if (!eligibility.ok) throw new RuleViolation("FEEDBACK_NOT_ALLOWED", eligibility.reason);
  return eligibility.closesAt;
}

export interface FeedbackVisibilityInput {
  endedAt: Date;
  windowDays: number;
  now: Date;
  clientSubmittedAt: Date | null;
  freelancerSubmittedAt: Date | null;
}

export interface FeedbackVisibility {
  /** Whether the contract's feedback (both sides, or the one that was left) is revealed at `now`. */
  revealed: boolean;
  /** When it was revealed; null until then. */
  revealedAt: Date | null;
  /** When it will be revealed at the latest, if nothing else happens: `revealedAt` once revealed. */
  revealsAt: Date;
  /** When the feedback window closes. */
  closesAt: Date;
}

/**
 * Double-blind (economy.md §10.3): a contract's feedback is revealed when both sides have left
 * theirs (at the later submission) or when the window closes (at `closesAt`), whichever is first.
 * Until then neither side sees the other's, and nobody else sees either.
 */
export function feedbackVisibility(input: FeedbackVisibilityInput): FeedbackVisibility {
  const closesAt = feedbackClosesAt(input.endedAt, input.windowDays);
  const { clientSubmittedAt: client, freelancerSubmittedAt: freelancer } = input;
  const bothAt = client && freelancer ? (client.getTime() >= freelancer.getTime() ? client : freelancer) : null;
  const revealsAt = bothAt && bothAt.getTime() < closesAt.getTime() ? bothAt : closesAt;
  const revealed = input.now.getTime() >= revealsAt.getTime();
  return { revealed, revealedAt: revealed ? revealsAt : null, revealsAt, closesAt };
}

/** Who looks at a feedback: its author, the person it rates, an admin, or anyone else. */
export type FeedbackViewer = "AUTHOR" | "RATED" | "ADMIN" | "OTHER";

/** What of one feedback a viewer sees. Nothing at all when every part is false. */
export interface FeedbackView {
  /** The overall and facet stars and the public comment. */
  ratings: boolean;
  /** The note for Fairlance: its author and admins only, never the rated person nor the public. */
  privateNote: boolean;
  /** The rated person's reply (there is one only after the reveal). */
  reply: boolean;
  /** "Hidden by Fairlance" with the admin's reason. */
  hiddenNotice: boolean;
}

/**
 * Who sees what of one feedback (economy.md §10.3–10.5). Before the reveal only its author sees it.
 * Once revealed: the rated person and everyone see the stars, the comment and the reply; the private
 * note stays with the author and the admins. Hidden by an admin, it disappears for everyone else,
 * and the two people and admins see that it was hidden and why.
 */
export function feedbackViewFor({ viewer, revealed, hidden }: { viewer: FeedbackViewer; revealed: boolean; hidden: boolean }): FeedbackView {
  if (viewer === "AUTHOR") return { ratings: true, privateNote: true, reply: revealed, hiddenNotice: hidden };
  if (!revealed) return { ratings: false, privateNote: false, reply: false, hiddenNotice: false };
  if (viewer === "OTHER") return { ratings: !hidden, privateNote: false, reply: !hidden, hiddenNotice: false };
  return { ratings: true, privateNote: viewer === "ADMIN", reply: true, hiddenNotice: hidden };
}

/** An author may change their feedback (stars, comment, private note) until it is revealed, never after. */
export function canEditFeedback({ isAuthor, visibility }: { isAuthor: boolean; visibility: Pick<FeedbackVisibility, "revealedAt"> }): FeedbackPermission {
  if (!isAuthor) return refused(FEEDBACK_TEXT.notAuthor);
  if (visibility.revealedAt !== null) return refused(FEEDBACK_TEXT.revealedNoEdit(visibility.revealedAt));
  return allowed;
}

/** The rated person replies once, publicly, only after the reveal, and not to hidden feedback. */
export function canReply(input: { isRated: boolean; visibility: Pick<FeedbackVisibility, "revealed">; hidden: boolean; alreadyReplied: boolean }): FeedbackPermission {
  if (!input.isRated) return refused(FEEDBACK_TEXT.notRated);
  if (!input.visibility.revealed) return refused(FEEDBACK_TEXT.replyBeforeReveal);
  if (input.hidden) return refused(FEEDBACK_TEXT.hiddenNoReply);
  if (input.alreadyReplied) return refused(FEEDBACK_TEXT.alreadyReplied);
  return allowed;
}

/** An admin hides revealed feedback (with a reason, `TEXT_RULES.feedbackHideReason`), once. */
export function canHideFeedback(input: { visibility: Pick<FeedbackVisibility, "revealed">; hidden: boolean }): FeedbackPermission {
  if (!input.visibility.revealed) return refused(FEEDBACK_TEXT.hideBeforeReveal);
  if (input.hidden) return refused(FEEDBACK_TEXT.alreadyHidden);
  return allowed;
}

/** Throws `code` with the permission's sentence when it is a no. */
export function assertFeedbackPermission(permission: FeedbackPermission, code: Extract<RuleViolationCode, `FEEDBACK_${string}`>): void {
  if (!permission.ok) throw new RuleViolation(code, permission.reason);
}

export interface StarAverage {
  /** How many ratings. */
  count: number;
  /** Their sum: the average is exactly `total / count`. */
  total: number;
  /** The average in tenths of a star, rounded half up (47 for 4.7); null without ratings. */
  tenths: number | null;
  /** "4.7", with one decimal; null without ratings. */
  display: string | null;
  /** "from 12 reviews", "from 1 review", or "No reviews yet". */
  fromText: string;
}

/**
 * The average of whole-star ratings (revealed, not hidden), exactly `total / count`, shown with one
 * decimal rounded half up: 4.65 shows "4.7", 14/3 = 4.666… shows "4.7". Integers only.
 */
export function averageStars(ratings: readonly number[]): StarAverage {
  const wrong = ratings.find((rating) => !isStars(rating));
  if (wrong !== undefined) throw new RuleViolation("FEEDBACK_RATING_INVALID", "Ratings are whole stars from 1 to 5.", { rating: wrong });
  const count = ratings.length;
  const total = ratings.reduce((sum, rating) => sum + rating, 0);
  if (count === 0) return { count, total, tenths: null, display: null, fromText: "No reviews yet" };
  const tenths = Math.floor((total * 20 + count) / (count * 2)); // round half up of 10 × total / count
  return {
    count,
    total,
    tenths,
    display: `${Math.floor(tenths / 10)}.${tenths % 10}`,
    fromText: `from ${count.toLocaleString("en-US")} review${count === 1 ? "" : "s"}`,
  };
}
