import { describe, expect, it } from "vitest";
import { expectViolation, utc } from "../test-utils";
import { connectRefundPolicy, planRefund, type ProposalEndReason } from "./refunds";

const now = utc("2024-06-01");
const held = [
  { lotId: "a", connects: 3, expiresAt: utc("2024-07-01") },
  { lotId: "b", connects: 1, expiresAt: utc("2024-05-01") }, // expired by now
  { lotId: "c", connects: 6, expiresAt: utc("2025-01-01") },
];

describe("planRefund", () => {
  it("returns a full refund to each original lot, re-issuing what sat in expired lots for 30 days", () => {
    expect(planRefund({ held, now })).toEqual({
      toLots: [
        { lotId: "a", connects: 3 },
        { lotId: "c", connects: 6 },
      ],
      reissue: { connects: 1, expiresAt: utc("2024-07-01") },
    });
  });

  it("splits a partial refund in proportion, largest remainders first", () => {
    // 5 of 10: exact shares 1.5, 0.5, 3 → floors 1, 0, 3; one left goes to "a" (tie with "b", listed first).
    expect(planRefund({ held, connects: 5, now })).toEqual({ toLots: [{ lotId: "a", connects: 2 }, { lotId: "c", connects: 3 }], reissue: null });
    expect(planRefund({ held, connects: 0, now })).toEqual({ toLots: [], reissue: null });
    expect(planRefund({ held: [], now })).toEqual({ toLots: [], reissue: null });
    expect(planRefund({ held: [{ lotId: "z", connects: 0, expiresAt: now }], connects: 0, now })).toEqual({ toLots: [], reissue: null });
  });

  it("uses the re-issue expiry setting", () => {
    const plan = planRefund({ held: [held[1] as (typeof held)[number]], now, settings: { connectRefundReissueExpiryDays: 7 } });
    expect(plan.reissue).toEqual({ connects: 1, expiresAt: utc("2024-06-08") });
  });

  it("refuses to refund more than the proposal holds", () => {
    expectViolation(() => planRefund({ held, connects: 11, now }), "CONNECTS_REFUND_EXCEEDS_SPEND");
    expectViolation(() => planRefund({ held, connects: -1, now }), "CONNECTS_AMOUNT_INVALID");
    expectViolation(() => planRefund({ held: [{ lotId: "a", connects: -2, expiresAt: now }], now }), "CONNECTS_AMOUNT_INVALID");
  });
});

describe("connectRefundPolicy (economy.md §2.5)", () => {
  it.each<[ProposalEndReason, boolean]>([
    ["job_closed_without_hire", true],
    ["job_removed_by_admin", true],
    ["proposal_withdrawn", false],
    ["proposal_removed_by_admin", false],
    ["proposal_declined", false],
    ["other_freelancer_hired", false],
    ["job_expired", false],
  ])("%s refunds: %s", (reason, refund) => {
    const decision = connectRefundPolicy(reason);
    expect(decision.refund).toBe(refund);
    expect(decision.explanation.length).toBeGreaterThan(0);
  });

  it("refunds an expired job with no viewed proposal only when the admin rule is on", () => {
    const on = { refundConnectsOnExpiryWithNoView: true };
    expect(connectRefundPolicy("job_expired", on, { anyProposalViewed: false })).toMatchObject({ refund: true, reason: "refund_job_expired_unviewed" });
    expect(connectRefundPolicy("job_expired", on, { anyProposalViewed: true }).refund).toBe(false);
    expect(connectRefundPolicy("job_expired", on).refund).toBe(false);
    expect(connectRefundPolicy("job_expired", undefined, { anyProposalViewed: false }).refund).toBe(false);
  });
});
