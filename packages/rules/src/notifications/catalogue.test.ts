import { describe, expect, it } from "vitest";
import {
  CATEGORY_INFO,
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_KINDS,
  categoryOf,
  describeNotification,
  effectivePreference,
  formatNotificationDay,
  isNotificationKind,
  type NotificationDataByKind,
  type NotificationKind,
} from "./catalogue";

const day = new Date("2026-12-05T09:30:00.000Z");
/** One example of every kind's figures: the catalogue must describe each in words. */
const EXAMPLES: { [K in NotificationKind]: NotificationDataByKind[K] } = {
  message_received: { fromName: "Ada", jobTitle: "Logo", preview: "Here are the drafts" },
  proposal_viewed: { jobTitle: "Logo", clientName: "Ada" },
  proposal_shortlisted: { jobTitle: "Logo", clientName: "Ada" },
  invited_to_interview: { jobTitle: "Logo", clientName: "Ada" },
  invited_to_job: { jobTitle: "Logo", clientName: "Ada" },
  offer_received: { jobTitle: "Logo", clientName: "Ada", amountMinor: 5_000n, hourly: true, expiresAt: day },
  offer_accepted: { jobTitle: "Logo", freelancerName: "Bo" },
  offer_declined: { jobTitle: "Logo", freelancerName: "Bo" },
  offer_expired: { jobTitle: "Logo", otherName: "Bo", expiredAt: day },
  milestone_funded: { jobTitle: "Logo", milestoneTitle: "Drafts", clientName: "Ada", amountMinor: 25_000n },
  work_submitted: { jobTitle: "Logo", milestoneTitle: "Drafts", freelancerName: "Bo", amountMinor: 25_000n, reviewDeadline: day },
  changes_requested: { jobTitle: "Logo", milestoneTitle: "Drafts", clientName: "Ada" },
  milestone_approved: { jobTitle: "Logo", milestoneTitle: "Drafts", amountMinor: 25_000n, feeMinor: 5_000n, netMinor: 20_000n, availableAt: day },
  milestone_auto_approved: { jobTitle: "Logo", milestoneTitle: "Drafts", amountMinor: 25_000n, feeMinor: 5_000n, netMinor: 20_000n, availableAt: null },
  auto_approval_soon: { jobTitle: "Logo", milestoneTitle: "Drafts", amountMinor: 25_000n, autoApproveAt: day },
  payment_available: { amountMinor: 20_000n, jobTitle: "Logo" },
  withdrawal_sent: { amountMinor: 20_000n, feeMinor: 200n, netMinor: 19_800n, methodLabel: "PayPal a…@example.com" },
  withdrawal_failed: { amountMinor: 20_000n, methodLabel: "PayPal", reason: "account closed" },
  membership_renewed: { amountMinor: 1_499n, connects: 100, renewsAt: day },
  membership_failed: { amountMinor: 1_499n, reason: "card declined" },
  connects_granted: { connects: 1, reason: "admin grant", expiresAt: day },
  connects_refunded: { connects: 16, jobTitle: "Logo", reason: "the job was closed without a hire" },
  connects_expiring: { connects: 12, expiresAt: day },
  connects_revoked: { connects: 8, balance: 12, reason: "granted twice by mistake" },
  dispute_opened: { jobTitle: "Logo", openedByName: "Ada", amountMinor: 25_000n, reason: "not delivered" },
  dispute_decided: { jobTitle: "Logo", outcome: "split", releasedMinor: 10_000n, refundedMinor: 15_000n, reason: "half delivered" },
  feedback_received: { jobTitle: "Logo", fromName: "Ada", overall: 4 },
  account_suspended: { reason: "fraud" },
  account_unsuspended: {},
  account_warned: { reason: "contact details" },
  message_removed: { reason: "contact details" },
  report_resolved: { object: "the job “Logo”", outcome: "REMOVED", reason: "it asked for a deposit" },
  content_removed: { object: "your job “Logo”", reason: "it asked for a deposit" },
  feedback_hidden: { jobTitle: "Logo", reason: "abusive" },
  sessions_ended: { reason: "an admin ended them" },
  job_paused: { jobTitle: "Logo", clientName: "Ada" },
  suspension_offer_withdrawn: { jobTitle: "Logo", otherName: "Bo", escrowRefundedMinor: 25_750n },
  party_suspended: { jobTitle: "Logo", otherName: "Bo", suspendedSide: "freelancer" },
  payouts_held: { reason: "chargebacks under review" },
  payouts_released: {},
};

describe("the notification catalogue", () => {
  it("describes every kind with a title and a sentence, in a known category", () => {
    for (const kind of Object.keys(NOTIFICATION_KINDS) as NotificationKind[]) {
      const text = describeNotification(kind, EXAMPLES[kind] as never);
      expect(text.title.length, kind).toBeGreaterThan(5);
      expect(text.body.length, kind).toBeGreaterThan(10);
      expect(NOTIFICATION_CATEGORIES).toContain(categoryOf(kind));
      expect(isNotificationKind(kind)).toBe(true);
    }
    expect(isNotificationKind("toString")).toBe(false);
    expect(isNotificationKind("__proto__")).toBe(false);
  });

  it("carries the exact figures", () => {
    expect(describeNotification("milestone_approved", EXAMPLES.milestone_approved)).toEqual({
      title: "Approved: $200.00 for “Drafts”",
      body: "“Drafts” on “Logo” was approved: $250.00 minus the $50.00 service fee = $200.00 to you, pending. It becomes available to withdraw on Dec 5, 2026.",
    });
    expect(describeNotification("milestone_auto_approved", EXAMPLES.milestone_auto_approved).body).toBe(
      "“Drafts” on “Logo” was approved automatically after its review period: $250.00 minus the $50.00 service fee = $200.00 to you, pending.",
    );
    expect(describeNotification("offer_received", EXAMPLES.offer_received).body).toBe("Ada offered you “Logo” at $50.00/hr. Answer by Dec 5, 2026.");
    expect(describeNotification("offer_received", { ...EXAMPLES.offer_received, hourly: false, expiresAt: null }).body).toBe("Ada offered you “Logo” at $50.00.");
    expect(describeNotification("work_submitted", { ...EXAMPLES.work_submitted, reviewDeadline: null }).body).toBe("Bo submitted “Drafts” ($250.00) on “Logo”.");
    expect(describeNotification("withdrawal_sent", EXAMPLES.withdrawal_sent).body).toBe("$200.00 left your balance: $2.00 method fee, $198.00 sent to PayPal a…@example.com.");
    expect(describeNotification("connects_granted", EXAMPLES.connects_granted).title).toBe("1 connect added");
    expect(describeNotification("connects_expiring", EXAMPLES.connects_expiring).title).toBe("12 connects expire on Dec 5, 2026");
    expect(describeNotification("dispute_decided", EXAMPLES.dispute_decided).body).toBe("$100.00 released to the freelancer, $150.00 refunded to the client. Reason: half delivered.");
    expect(describeNotification("feedback_received", EXAMPLES.feedback_received).title).toBe("Ada left feedback: 4 out of 5 stars");
    expect(describeNotification("milestone_funded", { ...EXAMPLES.milestone_funded, withOffer: true }).body).toBe(
      "Ada put $250.00 in escrow for “Drafts” on “Logo”. You can start work on it once you accept the offer.",
    );
  });

  it("tells the other party of a suspension what it means for them, with the exact refund", () => {
    expect(describeNotification("suspension_offer_withdrawn", EXAMPLES.suspension_offer_withdrawn).body).toBe(
      "The offer for “Logo” with Bo was withdrawn because Bo's account is suspended. The $257.50 you paid into escrow for it (with its client fee) is refunded to your card.",
    );
    expect(describeNotification("suspension_offer_withdrawn", { ...EXAMPLES.suspension_offer_withdrawn, escrowRefundedMinor: 0n }).body).toBe(
      "The offer for “Logo” with Bo was withdrawn because Bo's account is suspended.",
    );
    expect(describeNotification("party_suspended", EXAMPLES.party_suspended).body).toMatch(/^Bo cannot submit work or log time on “Logo” while suspended\. You can end the contract now/);
    expect(describeNotification("party_suspended", { ...EXAMPLES.party_suspended, suspendedSide: "client" }).body).toMatch(/^Bo cannot fund milestones or pay bonuses on “Logo”/);
    expect(describeNotification("account_unsuspended", {}).body).toBe("An admin lifted the suspension of your account. Your paused jobs and proposals are back.");
    expect(describeNotification("account_unsuspended", { notRestored: "1 job (it expired or closed meanwhile)" }).body).toBe(
      "An admin lifted the suspension of your account. Not restored: 1 job (it expired or closed meanwhile).",
    );
    expect(describeNotification("payouts_held", EXAMPLES.payouts_held).title).toBe("Your payouts are on hold");
  });

  it("tells a reporter the outcome and the owner what was done (economy.md §5.2)", () => {
    expect(describeNotification("report_resolved", EXAMPLES.report_resolved)).toEqual({
      title: "Your report: we removed it",
      body: "You reported the job “Logo”. We removed it: it asked for a deposit. Thank you for telling us.",
    });
    expect(describeNotification("report_resolved", { ...EXAMPLES.report_resolved, outcome: "DISMISSED", reason: "the price is unusual, not a scam" }).body).toBe(
      "You reported the job “Logo”. We looked and found nothing against our rules: the price is unusual, not a scam. Thank you for telling us.",
    );
    expect(describeNotification("content_removed", EXAMPLES.content_removed)).toEqual({
      title: "Fairlance removed your job “Logo”",
      body: "An admin removed your job “Logo” for breaking the rules: it asked for a deposit.",
    });
    expect(describeNotification("account_warned", { reason: "spam", about: "your proposal on “Logo”" }).body).toBe("An admin warned you about your proposal on “Logo”: spam.");
    expect(describeNotification("account_warned", EXAMPLES.account_warned).body).toBe("An admin warned you about a message: contact details.");
  });

  it("dates in the marketplace's time zone", () => {
    expect(formatNotificationDay(new Date("2026-12-31T23:59:59.000Z"))).toBe("Dec 31, 2026");
  });

  it("applies the person's choice, the default without one, and never turns account emails off", () => {
    expect(effectivePreference("proposals", null)).toEqual(CATEGORY_INFO.proposals.defaults);
    expect(effectivePreference("messages", { inApp: false, email: "OFF" })).toEqual({ inApp: false, email: "OFF" });
    expect(effectivePreference("account", { inApp: false, email: "OFF" })).toEqual({ inApp: false, email: "IMMEDIATE" });
    expect(effectivePreference("account", { inApp: true, email: "DAILY_DIGEST" })).toEqual({ inApp: true, email: "DAILY_DIGEST" });
  });
});
