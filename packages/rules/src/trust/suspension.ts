/**
 * What a suspended account may still do (economy.md §5.3), written once: every operation a person
 * can start through the API, by its procedure path, is either allowed or refused while the account
 * is suspended. The web app checks it for every procedure in one place (apps/web/server/trpc.ts),
 * and a test fails when a procedure of the app router has no entry here.
 *
 * The principle: a suspended person keeps reading, their account's safety (password, email,
 * sessions, notifications), what is already theirs (money owed keeps arriving; withdrawing unless an
 * admin holds their payouts) and winding down (closing, withdrawing, declining, ending, refunding);
 * they lose everything that starts something new with someone else or moves new money in.
 */
export type SuspensionRule =
  /** The suspended person may do it. */
  | { allowed: true }
  /** Refused while suspended; `what` finishes "…so you cannot {what}." */
  | { allowed: false; what: string };

const allowed: SuspensionRule = { allowed: true };
const refused = (what: string): SuspensionRule => ({ allowed: false, what });

/**
 * Procedures only admins can call, or anyone signed out, have no entry (admins cannot be suspended;
 * a signed-out caller has no account): SUSPENSION_EXEMPT lists them by area.
 */
export const SUSPENSION_EXEMPT_PREFIXES = [
  "admin.",
  "auth.",
  "dashboard.admin",
  "report.queue",
  "report.resolve",
  "mailbox.",
  "clock.get",
  "terms.get",
  "preferences.unsubscribeInfo",
  "feedback.reputation",
  "profile.freelancer",
] as const;

export const SUSPENSION_POLICY = {
  // The account itself: its safety and its reading stay.
  "me.get": allowed,
  "me.notices": allowed,
  "me.changePassword": allowed,
  "me.signOutEverywhere": allowed,
  "account.get": allowed,
  "account.changeName": refused("change your name"),
  "account.changeEmail": allowed,
  "account.resendVerification": allowed,
  "account.endSession": allowed,
  "clock.advance": allowed,
  "dashboard.client": allowed,
  "dashboard.freelancer": allowed,
  "notification.list": allowed,
  "notification.unreadCount": allowed,
  "notification.markRead": allowed,
  "notification.markAllRead": allowed,
  "preferences.get": allowed,
  "preferences.update": allowed,

  // Jobs: reading and closing stay; posting, publishing, editing and inviting are refused.
  "job.search": allowed,
  "job.get": allowed,
  "job.previewCost": allowed,
  "job.post": refused("post jobs"),
  "job.publish": refused("publish jobs"),
  "job.edit": refused("edit jobs"),
  "job.close": allowed,
  "job.listMine": allowed,
  "job.getMine": allowed,
  "job.inviteCandidates": allowed,
  "job.invite": refused("invite freelancers"),

  // Proposals: a freelancer withdraws but does not send; a client reads and declines but does not move anyone towards a hire.
  "proposal.feePreview": allowed,
  "proposal.submit": refused("send proposals"),
  "proposal.withdraw": allowed,
  "proposal.listMine": allowed,
  "proposal.markViewed": allowed,
  "proposal.shortlist": refused("shortlist proposals"),
  "proposal.interview": refused("invite freelancers to interview"),
  "proposal.decline": allowed,
  "invitation.mine": allowed,
  "invitation.decline": allowed,

  // Connects: no new purchases or memberships; cancelling one stays.
  "connects.overview": allowed,
  "connects.checkout": allowed,
  "connects.roi": allowed,
  "connects.buy": refused("buy connects"),
  "connects.subscribe": refused("start a membership"),
  "connects.cancelMembership": allowed,

  // Messages: reading stays; writing and attaching are refused.
  "message.list": allowed,
  "message.send": refused("send messages"),
  "message.inbox": allowed,
  "message.conversation": allowed,
  "message.markRead": allowed,
  "message.markUnread": allowed,
  "message.uploadAttachment": refused("attach files"),

  // Cards and billing: no new cards (nothing new is charged); the history stays.
  "paymentMethod.list": allowed,
  "paymentMethod.add": refused("add cards"),
  "paymentMethod.verify": refused("verify cards"),
  "billing.history": allowed,
  "billing.statement": allowed,

  // Contracts: reading, ending and answering offers with a no stay; hiring, offering, accepting and paying new money are refused.
  "contract.list": allowed,
  "contract.get": allowed,
  "contract.hireQuote": allowed,
  "contract.clientFeeQuote": allowed,
  "contract.hire": refused("hire"),
  "contract.offerTarget": allowed,
  "contract.offerCandidates": allowed,
  "contract.offer": refused("make offers"),
  "contract.accept": refused("accept offers"),
  "contract.decline": allowed,
  "contract.end": allowed,
  "contract.bonusQuote": allowed,
  "contract.payBonus": refused("pay bonuses"),

  // Milestones and hours: money already in escrow keeps its course (approval, refunds); new escrow and new work are refused.
  "milestone.add": refused("add milestones"),
  "milestone.fund": refused("fund milestones"),
  "milestone.submit": refused("submit work"),
  "milestone.approve": allowed,
  "milestone.requestChanges": allowed,
  "milestone.refund": allowed,
  "milestone.requestRefund": allowed,
  "milestone.withdrawRefundRequest": allowed,
  "milestone.dispute": refused("open disputes"),
  "hourly.logTime": refused("log time"),
  "hourly.dispute": allowed,

  // Disputes: reading and withdrawing stay; opening, statements and settlements wait for the admin's decision.
  "dispute.get": allowed,
  "dispute.previewDivision": allowed,
  "dispute.addStatement": refused("add statements to disputes"),
  "dispute.propose": refused("propose settlements"),
  "dispute.acceptProposal": refused("accept settlements"),
  "dispute.withdraw": allowed,

  // Earnings and payouts: what is theirs stays theirs (withdrawals refuse only when an admin holds payouts, §5.3); no new payout methods.
  "earnings.get": allowed,
  "earnings.billings": allowed,
  "earnings.byWeek": allowed,
  "payout.overview": allowed,
  "payout.addMethod": refused("add payout methods"),
  "payout.quote": allowed,
  "payout.withdraw": allowed,
  "payout.setAuto": allowed,

  // Feedback: reading stays; new public words wait until the suspension is lifted.
  "feedback.leave": refused("leave feedback"),
  "feedback.edit": refused("change feedback"),
  "feedback.reply": refused("reply to feedback"),
  "feedback.forContract": allowed,
  "feedback.toLeave": allowed,

  // Profiles: reading stays; the public profile does not change while suspended.
  "profile.client": allowed,
  "profile.mine": allowed,
  "profile.updateFreelancer": refused("change your profile"),
  "profile.updateClient": refused("change your profile"),
  "profile.addPortfolioItem": refused("change your profile"),
  "profile.updatePortfolioItem": refused("change your profile"),
  "profile.removePortfolioItem": refused("change your profile"),
  "profile.removePortfolioImage": refused("change your profile"),
  "profile.reorderPortfolio": refused("change your profile"),
  "profile.addEmployment": refused("change your profile"),
  "profile.updateEmployment": refused("change your profile"),
  "profile.removeEmployment": refused("change your profile"),
  "profile.addEducation": refused("change your profile"),
  "profile.updateEducation": refused("change your profile"),
  "profile.removeEducation": refused("change your profile"),
  "profile.setAvatar": refused("change your profile"),
  "profile.removeAvatar": refused("change your profile"),
  "profile.setPortfolioImage": refused("change your profile"),

  // Search and saved lists (private to the person).
  "talent.search": allowed,
  "saved.saveJob": allowed,
  "saved.unsaveJob": allowed,
  "saved.jobs": allowed,
  "saved.saveFreelancer": allowed,
  "saved.unsaveFreelancer": allowed,
  "saved.freelancers": allowed,

  // Reports (economy.md §5.2): a suspended account cannot report; its own reports stay readable.
  "report.create": refused("report"),
  "report.mine": allowed,
} as const satisfies Record<string, SuspensionRule>;

export type SuspensionPolicyPath = keyof typeof SUSPENSION_POLICY;

/** True when `path` needs no entry: only admins or signed-out people call it. */
export const suspensionExempt = (path: string): boolean => SUSPENSION_EXEMPT_PREFIXES.some((prefix) => path === prefix || (prefix.endsWith(".") && path.startsWith(prefix)));

/**
 * The rule for a procedure. A path with no entry that is not exempt is refused: a procedure that
 * forgot its entry fails closed (and the test that every procedure has one fails).
 */
export function suspensionRule(path: string): SuspensionRule {
  const rule = (SUSPENSION_POLICY as Record<string, SuspensionRule>)[path];
  return rule ?? (suspensionExempt(path) ? allowed : refused("do this"));
}

/** The sentence a suspended person reads when refused. */
export const suspendedSentence = (reason: string | null, what: string): string => `Your account is suspended (${reason ?? "contact support"}), so you cannot ${what}.`;

/** What a suspended person can still do, in words (the banner on their pages). */
export const SUSPENDED_CAN_STILL =
  "You can still sign in, read your contracts, messages, history and balances, receive money already owed to you (approvals and clearing go on), withdraw your available balance unless an admin holds your payouts, close your jobs, withdraw proposals, decline offers and end contracts.";
/** What a suspended person cannot do, in words. */
export const SUSPENDED_CANNOT =
  "You cannot post or edit jobs, send proposals, send messages, hire, make or accept offers, fund milestones, submit work, log time, buy connects, open disputes, leave feedback or change your profile.";
