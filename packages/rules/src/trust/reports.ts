/**
 * Reports (economy.md §5.2): a signed-in person reports a job, a proposal, a message or a profile
 * that looks wrong, with a reason from a fixed list and a note. These are the list, the weights that
 * order the admins' queue, the throttle, and the words of each outcome.
 */

/** The reasons a person can pick, in the order the form lists them, each with its label and its weight in the queue. */
export const REPORT_REASONS = {
  scam: { label: "Scam or fraud", weight: 3 },
  off_platform: { label: "Asks to pay or talk outside Fairlance", weight: 2 },
  spam: { label: "Spam", weight: 1 },
  harassment: { label: "Offensive or harassing", weight: 2 },
  misleading: { label: "Fake profile or misleading", weight: 1 },
  other: { label: "Something else (say what in the note)", weight: 1 },
} as const;

export type ReportReason = keyof typeof REPORT_REASONS;
export const REPORT_REASON_KEYS = Object.keys(REPORT_REASONS) as [ReportReason, ...ReportReason[]];

export const isReportReason = (value: string): value is ReportReason => Object.hasOwn(REPORT_REASONS, value);

/** What can be reported, in words ("this job"). */
export const REPORT_OBJECTS = {
  JOB: { noun: "job" },
  PROPOSAL: { noun: "proposal" },
  MESSAGE: { noun: "message" },
  PROFILE: { noun: "profile" },
} as const;
export type ReportObjectKind = keyof typeof REPORT_OBJECTS;

/**
 * A scam-shield flag on a message weighs like a report of asking to pay or talk outside Fairlance
 * (the shield matched contact details or payment words, economy.md §5).
 */
export const SCAM_SHIELD_FLAG_WEIGHT = REPORT_REASONS.off_platform.weight;

/**
 * An object's place in the queue: the sum of the weights of its open reports (one per person, so
 * repeated reports are distinct reporters) plus the scam shield's flag, if any. A scam report
 * weighs 3, a report of off-platform payment or of harassment 2, any other 1; the shield's flag 2.
 * Higher first; equal priorities keep the oldest first.
 */
export function reportPriority(input: { reasons: readonly string[]; flagged?: boolean }): number {
  const reports = input.reasons.reduce((sum, reason) => sum + (isReportReason(reason) ? REPORT_REASONS[reason].weight : 1), 0);
  return reports + (input.flagged ? SCAM_SHIELD_FLAG_WEIGHT : 0);
}

/** At most 10 reports by one person in any 24 hours (fixed): enough for anyone who meets a run of scams, too few to flood the queue. */
export const REPORT_THROTTLE = { limit: 10, windowHours: 24 } as const;

/**
 * Whether a person may report now, given when they sent their recent reports. Refused: the moment
 * they may report again (when the oldest report in the window leaves it).
 */
export function reportThrottle(recent: readonly Date[], now: Date): { allowed: true } | { allowed: false; retryAt: Date } {
  const windowMs = REPORT_THROTTLE.windowHours * 3_600_000;
  const inWindow = recent.filter((at) => at.getTime() > now.getTime() - windowMs).sort((a, b) => a.getTime() - b.getTime());
  if (inWindow.length < REPORT_THROTTLE.limit) return { allowed: true };
  const oldestThatCounts = inWindow[inWindow.length - REPORT_THROTTLE.limit]!;
  return { allowed: false, retryAt: new Date(oldestThatCounts.getTime() + windowMs) };
}

/** What an admin can decide about a reported object. */
export type ReportAction = "dismiss" | "remove" | "warn" | "suspend";

/**
 * What each action does, by object, said to the admin before they commit (economy.md §5.2).
 * Removing: a job is removed as in §6 (every proposal's connects refunded, an offer waiting on it
 * withdrawn); a message is removed as in §5; a proposal is closed without a refund. A profile cannot
 * be removed (null): it is its person, whom an admin warns or suspends.
 */
export const REPORT_ACTION_EFFECTS: Record<ReportAction, Record<ReportObjectKind, string | null>> = {
  dismiss: {
    JOB: "Nothing changes. The reporters are told nothing was wrong.",
    PROPOSAL: "Nothing changes. The reporters are told nothing was wrong.",
    MESSAGE: "Nothing changes. The reporters are told nothing was wrong.",
    PROFILE: "Nothing changes. The reporters are told nothing was wrong.",
  },
  remove: {
    JOB: "Removes the job: its proposals close and every connect spent on them is refunded; an offer waiting on it is withdrawn and its escrow refunded. The client is told why.",
    PROPOSAL: "Closes the proposal; its connects are not refunded (it broke the rules). The freelancer is told why.",
    MESSAGE: "Removes the message: both people see “removed by Fairlance” in its place. The sender is told why.",
    // A profile is its person: warn or suspend them (a suspended freelancer leaves talent search, §10.9).
    PROFILE: null,
  },
  warn: {
    JOB: "Warns the job's client: the warning and its reason show on their dashboard for 30 days.",
    PROPOSAL: "Warns the freelancer: the warning and its reason show on their dashboard for 30 days.",
    MESSAGE: "Warns the sender: the warning and its reason show on their dashboard for 30 days.",
    PROFILE: "Warns the profile's owner: the warning and its reason show on their dashboard for 30 days.",
  },
  suspend: {
    JOB: "Suspends the job's client (§1): their sessions end and they are told why. The job itself stays; remove it too if it breaks the rules.",
    PROPOSAL: "Suspends the freelancer (§1): their sessions end and they are told why.",
    MESSAGE: "Suspends the sender (§1): their sessions end and they are told why.",
    PROFILE: "Suspends the profile's owner (§1): their sessions end and they are told why.",
  },
};

/** The outcome a reporter reads, in words (the owner's private details are never in it). */
export const REPORT_OUTCOME_WORDS = {
  DISMISSED: "we looked and found nothing against our rules",
  REMOVED: "we removed it",
  WARNED: "we warned its owner",
  SUSPENDED: "we suspended its owner's account",
} as const;
export type ReportOutcomeKind = keyof typeof REPORT_OUTCOME_WORDS;

export const REPORT_ACTION_OUTCOME: Record<ReportAction, ReportOutcomeKind> = {
  dismiss: "DISMISSED",
  remove: "REMOVED",
  warn: "WARNED",
  suspend: "SUSPENDED",
};

/** The actions an admin can take on a kind of object, in the order the page shows them. */
export const reportActionsFor = (kind: ReportObjectKind): ReportAction[] =>
  (["remove", "warn", "suspend", "dismiss"] as const).filter((action) => REPORT_ACTION_EFFECTS[action][kind] !== null);
