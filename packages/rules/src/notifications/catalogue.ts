import type { Minor } from "../money/arithmetic";
import { formatMoney } from "../money/format";
import { formatCount } from "../text/count";
import { REPORT_OUTCOME_WORDS } from "../trust/reports";

/**
 * What the marketplace tells people, written once (economy.md §11): every kind of event, the
 * category a person's preferences apply to, and the words with the event's exact figures. Services
 * call notify() with a kind and its data inside the transaction of the operation that caused it.
 */

export const NOTIFICATION_CATEGORIES = ["messages", "proposals", "contracts", "payments", "connects", "disputes", "feedback", "account"] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export const EMAIL_FREQUENCIES = ["IMMEDIATE", "DAILY_DIGEST", "OFF"] as const;
export type EmailFrequencyChoice = (typeof EMAIL_FREQUENCIES)[number];

export interface CategoryInfo {
  label: string;
  description: string;
  defaults: { inApp: boolean; email: EmailFrequencyChoice };
  /** A person cannot turn its emails off: it concerns the safety of their account or money. */
  mandatory: boolean;
}

export const CATEGORY_INFO: Record<NotificationCategory, CategoryInfo> = {
  messages: { label: "Messages", description: "A new message in a proposal, contract or dispute.", defaults: { inApp: true, email: "IMMEDIATE" }, mandatory: false },
  proposals: { label: "Proposals and invitations", description: "Your proposal viewed, shortlisted or invited to an interview; an invitation to a job.", defaults: { inApp: true, email: "DAILY_DIGEST" }, mandatory: false },
  contracts: { label: "Offers and contracts", description: "Offers, funded milestones, submitted work, changes, approvals and reminders.", defaults: { inApp: true, email: "IMMEDIATE" }, mandatory: false },
  payments: { label: "Payments and withdrawals", description: "Money becoming available, withdrawals sent or failed, membership charges.", defaults: { inApp: true, email: "IMMEDIATE" }, mandatory: false },
  connects: { label: "Connects", description: "Connects granted, refunded, or about to expire.", defaults: { inApp: true, email: "DAILY_DIGEST" }, mandatory: false },
  disputes: { label: "Disputes", description: "A dispute opened on your contract, and its decision.", defaults: { inApp: true, email: "IMMEDIATE" }, mandatory: false },
  feedback: { label: "Feedback", description: "Feedback you received, once it is revealed.", defaults: { inApp: true, email: "IMMEDIATE" }, mandatory: false },
  account: { label: "Your account", description: "What an admin did on your account, and security changes.", defaults: { inApp: true, email: "IMMEDIATE" }, mandatory: true },
};

/** The figures each kind of event carries (amounts in cents, connects as counts, moments as dates). */
export interface NotificationDataByKind {
  message_received: { fromName: string; jobTitle: string; preview: string };
  proposal_viewed: { jobTitle: string; clientName: string };
  proposal_shortlisted: { jobTitle: string; clientName: string };
  invited_to_interview: { jobTitle: string; clientName: string };
  invited_to_job: { jobTitle: string; clientName: string };
  offer_received: { jobTitle: string; clientName: string; amountMinor: Minor; hourly: boolean; expiresAt: Date | null };
  offer_accepted: { jobTitle: string; freelancerName: string };
  offer_declined: { jobTitle: string; freelancerName: string };
  offer_expired: { jobTitle: string; otherName: string; expiredAt: Date };
  /** `withOffer`: funded on an offer not yet accepted (work starts once it is). */
  milestone_funded: { jobTitle: string; milestoneTitle: string; clientName: string; amountMinor: Minor; withOffer?: boolean };
  work_submitted: { jobTitle: string; milestoneTitle: string; freelancerName: string; amountMinor: Minor; reviewDeadline: Date | null };
  changes_requested: { jobTitle: string; milestoneTitle: string; clientName: string };
  milestone_approved: { jobTitle: string; milestoneTitle: string; amountMinor: Minor; feeMinor: Minor; netMinor: Minor; availableAt: Date | null };
  milestone_auto_approved: { jobTitle: string; milestoneTitle: string; amountMinor: Minor; feeMinor: Minor; netMinor: Minor; availableAt: Date | null };
  auto_approval_soon: { jobTitle: string; milestoneTitle: string; amountMinor: Minor; autoApproveAt: Date };
  payment_available: { amountMinor: Minor; jobTitle: string };
  withdrawal_sent: { amountMinor: Minor; feeMinor: Minor; netMinor: Minor; methodLabel: string };
  withdrawal_failed: { amountMinor: Minor; methodLabel: string; reason: string };
  membership_renewed: { amountMinor: Minor; connects: number; renewsAt: Date };
  membership_failed: { amountMinor: Minor; reason: string };
  connects_granted: { connects: number; reason: string; expiresAt: Date };
  connects_refunded: { connects: number; jobTitle: string; reason: string };
  connects_expiring: { connects: number; expiresAt: Date };
  connects_revoked: { connects: number; balance: number; reason: string };
  dispute_opened: { jobTitle: string; openedByName: string; amountMinor: Minor; reason: string };
  dispute_decided: { jobTitle: string; outcome: "release" | "refund" | "split"; releasedMinor: Minor; refundedMinor: Minor; reason: string };
  feedback_received: { jobTitle: string; fromName: string; overall: number };
  account_suspended: { reason: string };
  /** `notRestored`: what lifting the suspension could not give back, in words (economy.md §5.3). */
  account_unsuspended: { notRestored?: string };
  /** `about`: what the warning is about ("your job “Logo”"); a message when left out. */
  account_warned: { reason: string; about?: string };
  message_removed: { reason: string };
  /** To the reporter: what an admin decided about what they reported (economy.md §5.2). */
  report_resolved: { object: string; outcome: "DISMISSED" | "REMOVED" | "WARNED" | "SUSPENDED"; reason: string };
  /** To the owner of a job or proposal an admin removed after reports (economy.md §5.2). */
  content_removed: { object: string; reason: string };
  feedback_hidden: { jobTitle: string; reason: string };
  sessions_ended: { reason: string };
  // Suspension (economy.md §5.3): what the other party of a suspended person is told, and held payouts.
  job_paused: { jobTitle: string; clientName: string };
  /** `escrowRefundedMinor`: escrow and client fee refunded to the reader's card (0 when none, or not theirs). */
  suspension_offer_withdrawn: { jobTitle: string; otherName: string; escrowRefundedMinor: Minor };
  /** `suspendedSide`: which side of the contract is suspended. */
  party_suspended: { jobTitle: string; otherName: string; suspendedSide: "client" | "freelancer" };
  payouts_held: { reason: string };
  payouts_released: Record<string, never>;
}

export type NotificationKind = keyof NotificationDataByKind;
export type NotificationData<K extends NotificationKind = NotificationKind> = NotificationDataByKind[K];

export interface NotificationText {
  title: string;
  body: string;
}

interface KindInfo<K extends NotificationKind> {
  category: NotificationCategory;
  describe: (data: NotificationDataByKind[K]) => NotificationText;
}

const dayFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
/** "Dec 3, 2026": a day in the marketplace's time zone (UTC). */
export function formatNotificationDay(date: Date): string {
  return dayFormat.format(date);
}

const quoted = (text: string) => `“${text}”`;
const stars = (overall: number) => `${overall} out of 5 stars`;

function approved(kind: string, data: NotificationDataByKind["milestone_approved"]): NotificationText {
  const available = data.availableAt ? ` It becomes available to withdraw on ${formatNotificationDay(data.availableAt)}.` : "";
  return {
    title: `${kind}: ${formatMoney(data.netMinor)} for ${quoted(data.milestoneTitle)}`,
    body: `${quoted(data.milestoneTitle)} on ${quoted(data.jobTitle)} was ${kind === "Approved" ? "approved" : "approved automatically after its review period"}: ${formatMoney(data.amountMinor)} minus the ${formatMoney(data.feeMinor)} service fee = ${formatMoney(data.netMinor)} to you, pending.${available}`,
  };
}

export const NOTIFICATION_KINDS: { [K in NotificationKind]: KindInfo<K> } = {
  message_received: {
    category: "messages",
    describe: (d) => ({ title: `New message from ${d.fromName}`, body: `On ${quoted(d.jobTitle)}: ${d.preview}` }),
  },
  proposal_viewed: {
    category: "proposals",
    describe: (d) => ({ title: "Your proposal was viewed", body: `${d.clientName} viewed your proposal for ${quoted(d.jobTitle)}.` }),
  },
  proposal_shortlisted: {
    category: "proposals",
    describe: (d) => ({ title: "You are on the shortlist", body: `${d.clientName} shortlisted your proposal for ${quoted(d.jobTitle)}.` }),
  },
  invited_to_interview: {
    category: "proposals",
    describe: (d) => ({ title: `${d.clientName} invited you to an interview`, body: `${d.clientName} would like to interview you about your proposal for ${quoted(d.jobTitle)}.` }),
  },
  invited_to_job: {
    category: "proposals",
    describe: (d) => ({ title: `${d.clientName} invited you to a job`, body: `${d.clientName} invited you to propose on ${quoted(d.jobTitle)}. A proposal answering an invitation costs no connects.` }),
  },
  offer_received: {
    category: "contracts",
    describe: (d) => ({
      title: `Offer from ${d.clientName}`,
      body: `${d.clientName} offered you ${quoted(d.jobTitle)} at ${formatMoney(d.amountMinor)}${d.hourly ? "/hr" : ""}.${d.expiresAt ? ` Answer by ${formatNotificationDay(d.expiresAt)}.` : ""}`,
    }),
  },
  offer_accepted: {
    category: "contracts",
    describe: (d) => ({ title: `${d.freelancerName} accepted your offer`, body: `The contract for ${quoted(d.jobTitle)} has started.` }),
  },
  offer_declined: {
    category: "contracts",
    describe: (d) => ({ title: `${d.freelancerName} declined your offer`, body: `Your offer for ${quoted(d.jobTitle)} was declined; the job is open to other proposals again.` }),
  },
  offer_expired: {
    category: "contracts",
    describe: (d) => ({ title: "An offer expired", body: `The offer for ${quoted(d.jobTitle)} with ${d.otherName} expired on ${formatNotificationDay(d.expiredAt)} without an answer.` }),
  },
  milestone_funded: {
    category: "contracts",
    describe: (d) => ({
      title: `Milestone funded: ${formatMoney(d.amountMinor)}`,
      body: `${d.clientName} put ${formatMoney(d.amountMinor)} in escrow for ${quoted(d.milestoneTitle)} on ${quoted(d.jobTitle)}. ${d.withOffer ? "You can start work on it once you accept the offer." : "You can start work on it."}`,
    }),
  },
  work_submitted: {
    category: "contracts",
    describe: (d) => ({
      title: `Work submitted: ${quoted(d.milestoneTitle)}`,
      body: `${d.freelancerName} submitted ${quoted(d.milestoneTitle)} (${formatMoney(d.amountMinor)}) on ${quoted(d.jobTitle)}.${d.reviewDeadline ? ` Review it by ${formatNotificationDay(d.reviewDeadline)}, or it is approved automatically.` : ""}`,
    }),
  },
  changes_requested: {
    category: "contracts",
    describe: (d) => ({ title: `Changes requested on ${quoted(d.milestoneTitle)}`, body: `${d.clientName} asked for changes to ${quoted(d.milestoneTitle)} on ${quoted(d.jobTitle)}.` }),
  },
  milestone_approved: { category: "contracts", describe: (d) => approved("Approved", d) },
  milestone_auto_approved: { category: "contracts", describe: (d) => approved("Approved automatically", d) },
  auto_approval_soon: {
    category: "contracts",
    describe: (d) => ({
      title: `${quoted(d.milestoneTitle)} is approved automatically on ${formatNotificationDay(d.autoApproveAt)}`,
      body: `Review ${quoted(d.milestoneTitle)} on ${quoted(d.jobTitle)} before ${formatNotificationDay(d.autoApproveAt)}: then its ${formatMoney(d.amountMinor)} is released to the freelancer automatically.`,
    }),
  },
  payment_available: {
    category: "payments",
    describe: (d) => ({ title: `${formatMoney(d.amountMinor)} is available`, body: `${formatMoney(d.amountMinor)} from ${quoted(d.jobTitle)} cleared its security period and can be withdrawn.` }),
  },
  withdrawal_sent: {
    category: "payments",
    describe: (d) => ({
      title: `Withdrawal sent: ${formatMoney(d.netMinor)}`,
      body: `${formatMoney(d.amountMinor)} left your balance: ${formatMoney(d.feeMinor)} method fee, ${formatMoney(d.netMinor)} sent to ${d.methodLabel}.`,
    }),
  },
  withdrawal_failed: {
    category: "payments",
    describe: (d) => ({ title: "A withdrawal failed", body: `The withdrawal of ${formatMoney(d.amountMinor)} to ${d.methodLabel} failed (${d.reason}); the money is back in your available balance.` }),
  },
  membership_renewed: {
    category: "payments",
    describe: (d) => ({
      title: "Membership renewed",
      body: `Your membership was renewed for ${formatMoney(d.amountMinor)}, with ${formatCount(d.connects, "connect")}. Next renewal: ${formatNotificationDay(d.renewsAt)}.`,
    }),
  },
  membership_failed: {
    category: "payments",
    describe: (d) => ({ title: "Membership renewal failed", body: `We could not charge ${formatMoney(d.amountMinor)} for your membership (${d.reason}). Update your card to keep it.` }),
  },
  connects_granted: {
    category: "connects",
    describe: (d) => ({ title: `${formatCount(d.connects, "connect")} added`, body: `${formatCount(d.connects, "connect")} added (${d.reason}), valid until ${formatNotificationDay(d.expiresAt)}.` }),
  },
  connects_refunded: {
    category: "connects",
    describe: (d) => ({ title: `${formatCount(d.connects, "connect")} refunded`, body: `${formatCount(d.connects, "connect")} spent on ${quoted(d.jobTitle)} came back to you: ${d.reason}.` }),
  },
  connects_expiring: {
    category: "connects",
    describe: (d) => ({ title: `${formatCount(d.connects, "connect")} expire on ${formatNotificationDay(d.expiresAt)}`, body: `Use them before ${formatNotificationDay(d.expiresAt)}; unused connects expire and are not refunded.` }),
  },
  dispute_opened: {
    category: "disputes",
    describe: (d) => ({
      title: `Dispute opened on ${quoted(d.jobTitle)}`,
      body: `${d.openedByName} opened a dispute over ${formatMoney(d.amountMinor)}: ${d.reason}. The escrow stays frozen until it is settled or decided.`,
    }),
  },
  dispute_decided: {
    category: "disputes",
    describe: (d) => ({
      title: `Dispute decided on ${quoted(d.jobTitle)}`,
      body: `${formatMoney(d.releasedMinor)} released to the freelancer, ${formatMoney(d.refundedMinor)} refunded to the client. Reason: ${d.reason}.`,
    }),
  },
  feedback_received: {
    category: "feedback",
    describe: (d) => ({ title: `${d.fromName} left feedback: ${stars(d.overall)}`, body: `Your feedback on ${quoted(d.jobTitle)} is revealed: ${stars(d.overall)}. You can reply once.` }),
  },
  account_suspended: {
    category: "account",
    describe: (d) => ({
      title: "Your account is suspended",
      body: `An admin suspended your account: ${d.reason}. You can sign in, read, receive what you are owed and withdraw your balance, but not post, propose, message, hire or pay; your open jobs and proposals are paused.`,
    }),
  },
  account_unsuspended: {
    category: "account",
    describe: (d) => ({
      title: "Your account is active again",
      body: `An admin lifted the suspension of your account.${d.notRestored ? ` Not restored: ${d.notRestored}.` : " Your paused jobs and proposals are back."}`,
    }),
  },
  account_warned: {
    category: "account",
    describe: (d) => ({ title: "A warning from Fairlance", body: `An admin warned you about ${d.about ?? "a message"}: ${d.reason}.` }),
  },
  report_resolved: {
    category: "account",
    describe: (d) => ({
      title: `Your report: ${REPORT_OUTCOME_SENTENCE[d.outcome]}`,
      body: `You reported ${d.object}. ${capitalise(REPORT_OUTCOME_SENTENCE[d.outcome])}: ${d.reason}. Thank you for telling us.`,
    }),
  },
  content_removed: {
    category: "account",
    describe: (d) => ({ title: `Fairlance removed ${d.object}`, body: `An admin removed ${d.object} for breaking the rules: ${d.reason}.` }),
  },
  message_removed: {
    category: "account",
    describe: (d) => ({ title: "One of your messages was removed", body: `An admin removed a message you sent: ${d.reason}.` }),
  },
  feedback_hidden: {
    category: "account",
    describe: (d) => ({ title: "Feedback you left was hidden", body: `An admin hid your feedback on ${quoted(d.jobTitle)}: ${d.reason}.` }),
  },
  connects_revoked: {
    category: "account",
    describe: (d) => ({
      title: `${formatCount(d.connects, "connect")} taken back`,
      body: `An admin took back ${formatCount(d.connects, "connect")}: ${d.reason}. Your balance is ${formatCount(d.balance, "connect")}.`,
    }),
  },
  sessions_ended: {
    category: "account",
    describe: (d) => ({ title: "You were signed out everywhere", body: `Every session of your account was ended: ${d.reason}.` }),
  },
  job_paused: {
    category: "proposals",
    describe: (d) => ({
      title: `${quoted(d.jobTitle)} is paused`,
      body: `${d.clientName}'s account is suspended, so ${quoted(d.jobTitle)} takes no proposals for now. Your proposal and its connects are kept; if the job closes, the usual connect refunds apply.`,
    }),
  },
  suspension_offer_withdrawn: {
    category: "contracts",
    describe: (d) => ({
      title: "An offer was withdrawn",
      body: `The offer for ${quoted(d.jobTitle)} with ${d.otherName} was withdrawn because ${d.otherName}'s account is suspended.${d.escrowRefundedMinor > 0n ? ` The ${formatMoney(d.escrowRefundedMinor)} you paid into escrow for it (with its client fee) is refunded to your card.` : ""}`,
    }),
  },
  party_suspended: {
    category: "contracts",
    describe: (d) => ({
      title: `${d.otherName}'s account is suspended`,
      body:
        d.suspendedSide === "freelancer"
          ? `${d.otherName} cannot submit work or log time on ${quoted(d.jobTitle)} while suspended. You can end the contract now: the escrow of work not yet submitted is refunded to you at once; submitted work keeps its review.`
          : `${d.otherName} cannot fund milestones or pay bonuses on ${quoted(d.jobTitle)} while suspended. Money already in escrow keeps its course (submitted work is still approved, automatically when its review period ends), and you can end the contract at any time.`,
    }),
  },
  payouts_held: {
    category: "account",
    describe: (d) => ({
      title: "Your payouts are on hold",
      body: `An admin put your payouts on hold: ${d.reason}. Your balance stays yours; withdrawals, automatic ones included, wait until the hold is released.`,
    }),
  },
  payouts_released: {
    category: "account",
    describe: () => ({ title: "Your payouts are released", body: "An admin released the hold on your payouts; you can withdraw again." }),
  },
};

/** The outcome of a report, as its reporter reads it (REPORT_OUTCOME_WORDS in trust/reports.ts). */
const REPORT_OUTCOME_SENTENCE = REPORT_OUTCOME_WORDS;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.hasOwn(NOTIFICATION_KINDS, kind);
}

/** The words of one event, with its figures. */
export function describeNotification<K extends NotificationKind>(kind: K, data: NotificationDataByKind[K]): NotificationText {
  return NOTIFICATION_KINDS[kind].describe(data);
}

export function categoryOf(kind: NotificationKind): NotificationCategory {
  return NOTIFICATION_KINDS[kind].category;
}

/** What applies to a person for a category: their choice, or the default; mandatory categories always email. */
export function effectivePreference(
  category: NotificationCategory,
  chosen: { inApp: boolean; email: EmailFrequencyChoice } | null,
): { inApp: boolean; email: EmailFrequencyChoice } {
  const info = CATEGORY_INFO[category];
  const preference = chosen ?? info.defaults;
  return info.mandatory && preference.email === "OFF" ? { ...preference, email: "IMMEDIATE" } : preference;
}
