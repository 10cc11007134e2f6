import { describe, expect, it } from "vitest";
import { expectViolation, utc } from "../test-utils";
import {
  assertCanSubmitProposal,
  assertContractActive,
  assertMilestoneAmount,
  assertOfferOpen,
  assertWithinWeeklyLimit,
  hourlyAmount,
  isJobExpiryDue,
  jobExpiresAt,
  offerExpiresAt,
} from "./guards";
import { assertWorkStartGate, workStartGate } from "./work-start-gate";

describe("workStartGate (economy.md §3.2)", () => {
  const open = { contractStatus: "active", clientPaymentVerified: true, contractType: "fixed", milestoneStatus: "funded" } as const;

  it("opens when the contract is active, the client verified and the milestone funded", () => {
    const gate = workStartGate(open);
    expect(gate.canStart).toBe(true);
    expect(gate.checks.map((check) => [check.key, check.ok])).toEqual([
      ["contract_active", true],
      ["client_payment_verified", true],
      ["milestone_funded", true],
    ]);
    expect(() => assertWorkStartGate(open)).not.toThrow();
    expect(workStartGate({ ...open, milestoneStatus: "changes_requested" }).canStart).toBe(true);
  });

  it("shows every failing fact with an explanation", () => {
    const gate = workStartGate({ contractStatus: "offered", clientPaymentVerified: false, contractType: "fixed", milestoneStatus: "created" });
    expect(gate.canStart).toBe(false);
    expect(gate.checks.every((check) => !check.ok && check.explanation.includes("do not start work"))).toBe(true);
    expect(workStartGate({ ...open, milestoneStatus: null }).canStart).toBe(false);
    expect(workStartGate({ ...open, milestoneStatus: undefined }).canStart).toBe(false);
    expect(workStartGate({ ...open, milestoneStatus: "approved" }).canStart).toBe(false);
  });

  it("says a disputed milestone is in dispute, not funded", () => {
    const gate = workStartGate({ ...open, milestoneStatus: "disputed" });
    expect(gate.canStart).toBe(false);
    expect(gate.checks[2]).toMatchObject({ key: "milestone_funded", label: "Current milestone is in dispute", ok: false });
    expect(gate.checks[2]!.explanation).toContain("dispute");
  });

  it("needs no milestone on an hourly contract", () => {
    const gate = workStartGate({ contractStatus: "active", clientPaymentVerified: true, contractType: "hourly" });
    expect(gate.canStart).toBe(true);
    expect(gate.checks[2]).toMatchObject({ key: "milestone_funded", label: "Hours are billed weekly", ok: true });
  });

  it("throws WORK_START_GATE_CLOSED naming the failed checks", () => {
    expectViolation(() => assertWorkStartGate({ ...open, milestoneStatus: "created" }), "WORK_START_GATE_CLOSED");
    try {
      assertWorkStartGate({ ...open, clientPaymentVerified: false, milestoneStatus: "created" });
    } catch (error) {
      expect((error as { details: unknown }).details).toEqual({ failed: ["client_payment_verified", "milestone_funded"] });
    }
  });
});

describe("contract guards", () => {
  it("requires milestones of at least $5", () => {
    expect(() => assertMilestoneAmount(500n)).not.toThrow();
    expectViolation(() => assertMilestoneAmount(499n), "MILESTONE_BELOW_MINIMUM");
    expect(() => assertMilestoneAmount(100n, { milestoneMinimumMinor: 100n })).not.toThrow();
  });

  it("allows one proposal per job, on open jobs, up to the cap", () => {
    const ok = { jobStatus: "open", alreadyProposed: false, proposalCount: 49 } as const;
    expect(() => assertCanSubmitProposal(ok)).not.toThrow();
    expectViolation(() => assertCanSubmitProposal({ ...ok, proposalCount: 50 }), "PROPOSAL_CAP_REACHED");
    expectViolation(() => assertCanSubmitProposal({ ...ok, alreadyProposed: true }), "DUPLICATE_PROPOSAL");
    expectViolation(() => assertCanSubmitProposal({ ...ok, jobStatus: "hired" }), "JOB_NOT_OPEN");
    expectViolation(() => assertCanSubmitProposal({ ...ok, proposalCount: 2, settings: { maxProposalsPerJob: 2 } }), "PROPOSAL_CAP_REACHED");
  });

  it("expires open jobs 30 days after their last activity", () => {
    const lastActivityAt = utc("2024-06-01T08:00:00Z");
    expect(jobExpiresAt(lastActivityAt)).toEqual(utc("2024-07-01T08:00:00Z"));
    expect(isJobExpiryDue({ status: "open", lastActivityAt }, utc("2024-07-01T07:59:59Z"))).toBe(false);
    expect(isJobExpiryDue({ status: "open", lastActivityAt }, utc("2024-07-01T08:00:00Z"))).toBe(true);
    expect(isJobExpiryDue({ status: "hired", lastActivityAt }, utc("2024-08-01"))).toBe(false);
  });

  it("expires an offer 7 days after it was sent, refusing it from that moment even before the runner marks it", () => {
    const offeredAt = utc("2024-06-01T08:00:00Z");
    const expiresAt = offerExpiresAt(offeredAt);
    expect(expiresAt).toEqual(utc("2024-06-08T08:00:00Z"));
    expect(offerExpiresAt(offeredAt, { offerExpiryDays: 1 })).toEqual(utc("2024-06-02T08:00:00Z"));
    expect(() => assertOfferOpen({ status: "offered", expiresAt }, utc("2024-06-08T07:59:59Z"))).not.toThrow();
    expect(() => assertOfferOpen({ status: "offered", expiresAt: null }, utc("2030-01-01"))).not.toThrow();
    expect(() => assertOfferOpen({ status: "active", expiresAt }, utc("2030-01-01"))).not.toThrow();
    expectViolation(() => assertOfferOpen({ status: "offered", expiresAt }, utc("2024-06-08T08:00:00Z")), "CONTRACT_TRANSITION_NOT_ALLOWED");
    expect(() => assertOfferOpen({ status: "offered", expiresAt }, utc("2024-06-09"))).toThrow(
      "This offer expired on 2024-06-08 at 08:00 UTC; ask the client to send a new one.",
    );
  });

  it("keeps logged time within the weekly limit", () => {
    expect(() => assertWithinWeeklyLimit({ loggedMinutes: 600, addMinutes: 600, weeklyLimitHours: 20 })).not.toThrow();
    expectViolation(() => assertWithinWeeklyLimit({ loggedMinutes: 600, addMinutes: 601, weeklyLimitHours: 20 }), "WEEKLY_LIMIT_EXCEEDED");
    expectViolation(() => assertWithinWeeklyLimit({ loggedMinutes: 0, addMinutes: -1, weeklyLimitHours: 20 }), "HOURS_INVALID");
    expectViolation(() => assertWithinWeeklyLimit({ loggedMinutes: 0, addMinutes: 1, weeklyLimitHours: 1.5 }), "HOURS_INVALID");
  });

  it("prices logged minutes at the hourly rate, half up", () => {
    expect(hourlyAmount({ minutes: 90, hourlyRateMinor: 5_000n })).toBe(7_500n);
    expect(hourlyAmount({ minutes: 1, hourlyRateMinor: 30n })).toBe(1n); // 0.5 → 1
    expect(hourlyAmount({ minutes: 1, hourlyRateMinor: 29n })).toBe(0n);
  });

  it("requires an active contract for a bonus", () => {
    expect(() => assertContractActive("active")).not.toThrow();
    expectViolation(() => assertContractActive("ended"), "CONTRACT_NOT_ACTIVE");
  });
});
