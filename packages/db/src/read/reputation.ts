import {
  averageStars,
  canEditFeedback,
  canReply,
  FACET_LABELS,
  FEEDBACK_FACETS,
  FEEDBACK_TEXT,
  feedbackEligibility,
  feedbackViewFor,
  formatUtcMoment,
  type FeedbackPermission,
  type FeedbackSide,
  type FeedbackViewer,
  type StarAverage,
} from "@fairlance/rules";
import type { Db, Prisma, Role } from "../client";
import { DomainError } from "../errors";
import { computeJobSuccess } from "../services/feedback/job-success";
import { feedbackWindows, movedMoney, visibilityOf } from "../services/feedback/shared";
import { ruleStatus } from "../services/contracts/access";
import { requireActor } from "../services/actor";
import type { Paged } from "./admin-ledger";

/**
 * Reputation as the pages show it (economy.md §10): averages of stars, a person's received feedback
 * and Job Success Score, the feedback still to leave, and one contract's feedback.
 *
 * Double-blind (§10.3), on every read: a feedback is shown only once revealed, except to its author.
 * Admins are no exception (the rules' feedbackViewFor): moderation acts on revealed feedback only,
 * and the private note is theirs to read once it is revealed. Hidden feedback (§10.5) disappears for
 * everyone but its two people and admins, who see "Hidden by Fairlance" and the reason, and its
 * stars count nowhere: not in averages, not in the score.
 */

/** Who reads: a signed-in person (id and role), or nobody. */
export interface ReputationViewer {
  id: string;
  role: Role;
}

/**
 * The average overall stars each person received (the rules' averageStars: one decimal, half up,
 * with its count), over revealed, not hidden feedback; in one query for a whole list of people
 * (search results, applicants). People with none get "No reviews yet". Revealed means stored as
 * revealed: the runner stores a reveal at the window's close within a tick.
 */
export async function ratingsOf(db: Db, userIds: readonly string[]): Promise<Record<string, StarAverage>> {
  const ids = [...new Set(userIds)];
  const rows = ids.length
    ? await db.feedback.groupBy({
        by: ["subjectId", "overall"],
        where: { subjectId: { in: ids }, hiddenAt: null, contract: { feedbackRevealedAt: { not: null } } },
        _count: { _all: true },
      })
    : [];
  const stars = new Map<string, number[]>(ids.map((id) => [id, []]));
  for (const row of rows) stars.get(row.subjectId)!.push(...Array<number>(row._count._all).fill(row.overall));
  return Object.fromEntries(ids.map((id) => [id, averageStars(stars.get(id)!)]));
}

/** One feedback as a viewer may see it; absent from lists when they may see nothing of it. */
export interface FeedbackEntry {
  id: string;
  contractId: string;
  contractTitle: string;
  /** When the contract ended (the date shown beside the feedback). */
  contractEndedAt: Date | null;
  side: FeedbackSide;
  author: { id: string; name: string };
  subject: { id: string; name: string };
  overall: number;
  /** The facets of the author's side, in the rules' order, with their labels. */
  facets: { facet: string; label: string; stars: number }[];
  comment: string;
  /** Only for its author and admins. */
  privateNote: string | null;
  submittedAt: Date;
  updatedAt: Date;
  revealedAt: Date | null;
  /** For its two people and admins: "Hidden by Fairlance: <reason>". */
  hidden: { at: Date; reason: string; notice: string } | null;
  reply: { text: string; at: Date } | null;
}

const FEEDBACK_SELECT = {
  id: true,
  side: true,
  authorId: true,
  subjectId: true,
  overall: true,
  facets: true,
  comment: true,
  privateNote: true,
  submittedAt: true,
  updatedAt: true,
  reply: true,
  repliedAt: true,
  hiddenAt: true,
  hiddenReason: true,
  author: { select: { id: true, name: true } },
  subject: { select: { id: true, name: true } },
  contract: { select: { id: true, title: true, endedAt: true, feedbackRevealedAt: true } },
} as const satisfies Prisma.FeedbackSelect;
type FeedbackRow = Prisma.FeedbackGetPayload<{ select: typeof FEEDBACK_SELECT }>;

function viewerOf(row: { authorId: string; subjectId: string }, viewer: ReputationViewer | null): FeedbackViewer {
  if (viewer?.id === row.authorId) return "AUTHOR";
  if (viewer?.id === row.subjectId) return "RATED";
  return viewer?.role === "ADMIN" ? "ADMIN" : "OTHER";
}

/** A row as `viewer` may see it (the rules' feedbackViewFor), or null when they may see nothing of it. */
function entryFor(row: FeedbackRow, viewer: ReputationViewer | null, revealedAt: Date | null): FeedbackEntry | null {
  const hidden = row.hiddenAt !== null;
  const view = feedbackViewFor({ viewer: viewerOf(row, viewer), revealed: revealedAt !== null, hidden });
  if (!view.ratings) return null;
  const stored = row.facets as Record<string, number>;
  return {
    id: row.id,
    contractId: row.contract.id,
    contractTitle: row.contract.title,
    contractEndedAt: row.contract.endedAt,
    side: row.side,
    author: row.author,
    subject: row.subject,
    overall: row.overall,
    facets: FEEDBACK_FACETS[row.side].filter((facet) => typeof stored[facet] === "number").map((facet) => ({ facet, label: FACET_LABELS[facet], stars: stored[facet]! })),
    comment: row.comment,
    privateNote: view.privateNote ? row.privateNote : null,
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
    revealedAt,
    hidden: view.hiddenNotice && row.hiddenAt ? { at: row.hiddenAt, reason: row.hiddenReason!, notice: `Hidden by Fairlance: ${row.hiddenReason!}` } : null,
    reply: view.reply && row.reply !== null ? { text: row.reply, at: row.repliedAt! } : null,
  };
}

/** A stored reveal counts from its moment on (a read "as of" an earlier `now` does not see it). */
const revealedBy = (revealedAt: Date | null, now: Date) => (revealedAt && revealedAt.getTime() <= now.getTime() ? revealedAt : null);

export interface Reputation {
  person: { id: string; name: string; role: Role; memberSince: Date };
  rating: StarAverage;
  /** Freelancers only: computed at `now` by the rules over the database's outcomes, with its sentences; the runner's stored copy (search, history) follows within a tick. */
  jobSuccess: { score: number | null; explanation: string[]; missingForScore: number; history: { score: number | null; computedAt: Date }[] } | null;
  /** Revealed feedback the person received, newest first, as the viewer may see it. */
  feedback: FeedbackEntry[];
}

/**
 * A freelancer's or a client's reputation for their profile (economy.md §10.5–10.6): the average of
 * stars, the Job Success Score of a freelancer with its explanation and history, and the revealed
 * feedback they received, with facets, comment (or the hidden notice), reply, contract title and
 * date. Admins have no reputation: NOT_FOUND, like a person who does not exist.
 */
export async function reputationOf(db: Db, userId: string, viewer: ReputationViewer | null, now: Date, options: { limit?: number } = {}): Promise<Reputation> {
  const person = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true, createdAt: true } });
  if (!person || person.role === "ADMIN") throw new DomainError("NOT_FOUND", "There is no such person.");
  const [ratings, rows, jobSuccess] = await Promise.all([
    ratingsOf(db, [userId]),
    db.feedback.findMany({
      where: { subjectId: userId, contract: { feedbackRevealedAt: { not: null, lte: now } } },
      select: FEEDBACK_SELECT,
      orderBy: [{ contract: { feedbackRevealedAt: "desc" } }, { id: "asc" }],
      take: options.limit ?? 50,
    }),
    person.role === "FREELANCER" ? jobSuccessOf(db, userId, now) : Promise.resolve(null),
  ]);
  const feedback = rows.map((row) => entryFor(row, viewer, revealedBy(row.contract.feedbackRevealedAt, now))).filter((entry): entry is FeedbackEntry => entry !== null);
  return { person: { id: person.id, name: person.name, role: person.role, memberSince: person.createdAt }, rating: ratings[userId]!, jobSuccess, feedback };
}

async function jobSuccessOf(db: Db, freelancerId: string, now: Date): Promise<NonNullable<Reputation["jobSuccess"]>> {
  const [result, history] = await Promise.all([
    computeJobSuccess(db, freelancerId, now),
    db.jobSuccessSnapshot.findMany({ where: { userId: freelancerId, computedAt: { lte: now } }, orderBy: { computedAt: "asc" }, select: { score: true, computedAt: true } }),
  ]);
  return { score: result.score, explanation: result.explanation, missingForScore: result.missingForScore, history };
}

/**
 * Revealed feedback for moderation (economy.md §10.5), newest reveal first, a page at a time (admins
 * only): each with its comment, facets, private note and reply as an admin sees them, and whether it
 * is hidden, with the reason. Unrevealed feedback is absent: nobody but its author sees it, so it
 * cannot be hidden either. `hiddenOnly` narrows to what is hidden now (to show it again).
 */
export async function listFeedbackForModeration(
  db: Db,
  input: { actorId: string; now: Date; page?: number; pageSize?: number; hiddenOnly?: boolean },
): Promise<Paged<FeedbackEntry>> {
  await requireActor(db, input, "ADMIN", "moderate feedback");
  const page = Math.max(1, input.page ?? 1);
  const pageSize = Math.min(100, Math.max(1, input.pageSize ?? 20));
  const where: Prisma.FeedbackWhereInput = {
    contract: { feedbackRevealedAt: { not: null, lte: input.now } },
    ...(input.hiddenOnly ? { hiddenAt: { not: null } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.feedback.findMany({
      where,
      select: FEEDBACK_SELECT,
      orderBy: [{ contract: { feedbackRevealedAt: "desc" } }, { submittedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.feedback.count({ where }),
  ]);
  const admin: ReputationViewer = { id: input.actorId, role: "ADMIN" };
  const entries = rows.map((row) => entryFor(row, admin, revealedBy(row.contract.feedbackRevealedAt, input.now))).filter((entry): entry is FeedbackEntry => entry !== null);
  return { rows: entries, total, page, pageSize };
}

export interface FeedbackToLeave {
  contractId: string;
  title: string;
  /** The other party: the person the feedback is about. */
  about: { id: string; name: string };
  endedAt: Date;
  closesAt: Date;
  /** "Leave feedback by 2026-12-03 at 10:00 UTC." */
  sentence: string;
}

/**
 * The person's ended contracts on which they may still leave feedback (economy.md §10.2: paid, in
 * the window, not left yet), the soonest to close first: for the dashboard and the contract page.
 */
export async function feedbackToLeave(db: Db, userId: string, now: Date): Promise<FeedbackToLeave[]> {
  const windows = await feedbackWindows(db);
  const earliest = new Date(now.getTime() - windows.longest * 86_400_000);
  const contracts = await db.contract.findMany({
    where: {
      OR: [{ clientId: userId }, { freelancerId: userId }],
      status: "ENDED",
      endedAt: { gt: earliest, lte: now },
      payments: { some: { grossMinor: { gt: 0n } } },
      feedback: { none: { authorId: userId } },
    },
    select: { id: true, title: true, status: true, endedAt: true, clientId: true, client: { select: { id: true, name: true } }, freelancer: { select: { id: true, name: true } } },
  });
  const open: FeedbackToLeave[] = [];
  for (const contract of contracts) {
    const eligibility = feedbackEligibility({
      contractStatus: ruleStatus(contract.status),
      endedAt: contract.endedAt,
      movedMoney: true,
      now,
      windowDays: windows.daysAt(contract.endedAt!),
      alreadyLeft: false,
    });
    if (!eligibility.ok) continue;
    open.push({
      contractId: contract.id,
      title: contract.title,
      about: contract.clientId === userId ? contract.freelancer : contract.client,
      endedAt: contract.endedAt!,
      closesAt: eligibility.closesAt,
      sentence: `Leave feedback by ${formatUtcMoment(eligibility.closesAt)}.`,
    });
  }
  return open.sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime());
}

export interface ContractFeedback {
  contractId: string;
  title: string;
  /** null while the contract has not ended. */
  closesAt: Date | null;
  revealed: boolean;
  revealedAt: Date | null;
  /** Where the two feedbacks stand, in a sentence that never tells whether the other side left theirs before the reveal. */
  status: string;
  /** The viewer's own feedback (admins: the client's), always shown to its author. */
  mine: FeedbackEntry | null;
  /** The other side's (admins: the freelancer's): only once revealed. */
  theirs: FeedbackEntry | null;
  /** What the viewer may do now, each with the rules' sentence when they may not. */
  can: { leave: FeedbackPermission; edit: FeedbackPermission; reply: FeedbackPermission };
}

const no = (reason: string): FeedbackPermission => ({ ok: false, reason });

/**
 * One contract's feedback for its page (economy.md §10.2–10.5), for its two parties (anyone else:
 * NOT_FOUND) and admins: the viewer's own feedback, the other side's only once revealed, and what
 * the viewer may do now (leave, edit, reply) with the rules' sentences.
 */
export async function contractFeedback(db: Db, contractId: string, viewer: ReputationViewer, now: Date): Promise<ContractFeedback> {
  const contract = await db.contract.findUnique({
    where: { id: contractId },
    select: { id: true, title: true, status: true, endedAt: true, clientId: true, freelancerId: true, feedback: { select: FEEDBACK_SELECT } },
  });
  const admin = viewer.role === "ADMIN";
  if (!contract || (!admin && contract.clientId !== viewer.id && contract.freelancerId !== viewer.id)) throw new DomainError("NOT_FOUND", "This contract does not exist.");
  const windows = await feedbackWindows(db);
  const windowDays = windows.daysAt(contract.endedAt ?? now);
  const visibility = visibilityOf(contract, windowDays, now);
  const revealedAt = visibility?.revealedAt ?? null;
  const mySide: FeedbackSide = admin || contract.clientId === viewer.id ? "CLIENT" : "FREELANCER";
  const row = (side: FeedbackSide) => contract.feedback.find((f) => f.side === side) ?? null;
  const show = (side: FeedbackSide) => {
    const found = row(side);
    return found ? entryFor(found, viewer, revealedAt) : null;
  };
  const mine = show(mySide);
  const theirs = show(mySide === "CLIENT" ? "FREELANCER" : "CLIENT");
  const other = mySide === "CLIENT" ? "the freelancer" : "the client";

  let can: ContractFeedback["can"];
  if (admin) {
    const reason = "Only the two people of a contract leave, change or answer its feedback.";
    can = { leave: no(reason), edit: no(reason), reply: no(reason) };
  } else {
    const leave = feedbackEligibility({
      contractStatus: ruleStatus(contract.status),
      endedAt: contract.endedAt,
      movedMoney: contract.status === "ENDED" ? await movedMoney(db, contractId) : false,
      now,
      windowDays,
      alreadyLeft: mine !== null,
    });
    const theirRow = row(mySide === "CLIENT" ? "FREELANCER" : "CLIENT");
    can = {
      leave: leave.ok ? { ok: true } : no(leave.reason),
      edit: mine && visibility ? canEditFeedback({ isAuthor: true, visibility }) : no("You have not left feedback on this contract."),
      reply:
        !visibility || !visibility.revealed
          ? no(FEEDBACK_TEXT.replyBeforeReveal)
          : theirRow
            ? canReply({ isRated: true, visibility, hidden: theirRow.hiddenAt !== null, alreadyReplied: theirRow.reply !== null })
            : no(`${other.charAt(0).toUpperCase()}${other.slice(1)} left no feedback on this contract.`),
    };
  }

  let status: string;
  if (!visibility) status = "Feedback opens when the contract ends.";
  else if (visibility.revealed) status = `Feedback was revealed on ${formatUtcMoment(visibility.revealedAt!)}.`;
  else if (admin) status = `Feedback is blind until both sides have left theirs, or until ${formatUtcMoment(visibility.closesAt)}; until then only its author sees it.`;
  else status = `Your feedback and ${other}'s are shown when you have both left yours, or on ${formatUtcMoment(visibility.closesAt)} when the window closes.`;

  return {
    contractId,
    title: contract.title,
    closesAt: visibility?.closesAt ?? null,
    revealed: visibility?.revealed ?? false,
    revealedAt,
    status,
    mine,
    theirs,
    can,
  };
}
