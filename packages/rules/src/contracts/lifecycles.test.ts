import { describe, expect, it } from "vitest";
import { isRuleViolation } from "../errors";
import { expectViolation } from "../test-utils";
import {
  contractLifecycle,
  hourlyWeekLifecycle,
  isMilestoneInEscrow,
  jobLifecycle,
  LIVE_PROPOSAL_STATES,
  reopenProposal,
  milestoneLifecycle,
  proposalLifecycle,
  transitionContract,
  transitionHourlyWeek,
  transitionJob,
  transitionMilestone,
  transitionProposal,
  type JobEvent,
  type JobStatus,
  type MilestoneEvent,
} from "./lifecycles";

describe("job lifecycle", () => {
  it("publishes a draft, then ends it exactly once", () => {
    expect(transitionJob("draft", "publish")).toBe("open");
    for (const [event, to] of [["hire", "hired"], ["close", "closed"], ["expire", "expired"], ["remove", "removed"]] as const) {
      expect(transitionJob("open", event)).toBe(to);
      expect(jobLifecycle.isTerminal(to)).toBe(true);
      expectViolation(() => transitionJob(to, "publish"), "JOB_TRANSITION_NOT_ALLOWED");
    }
    expectViolation(() => transitionJob("draft", "hire"), "JOB_TRANSITION_NOT_ALLOWED");
    expectViolation(() => transitionJob("open", "publish"), "JOB_TRANSITION_NOT_ALLOWED");
  });

  it("explains a refused transition in a sentence", () => {
    try {
      transitionJob("expired", "hire");
      expect.unreachable();
    } catch (error) {
      expect(isRuleViolation(error, "JOB_TRANSITION_NOT_ALLOWED")).toBe(true);
      expect((error as Error).message).toBe("You cannot hire on a job that is expired.");
      expect((error as { details: unknown }).details).toEqual({ entity: "job", state: "expired", event: "hire" });
    }
    expectViolation(() => jobLifecycle.transition("open", "bogus" as JobEvent), "JOB_TRANSITION_NOT_ALLOWED");
    expectViolation(() => jobLifecycle.transition("bogus" as JobStatus, "hire"), "JOB_TRANSITION_NOT_ALLOWED");
  });

  it("lists what can happen next", () => {
    expect(jobLifecycle.allowedEvents("open")).toEqual(["hire", "close", "expire", "remove"]);
    expect(jobLifecycle.can("draft", "publish")).toBe(true);
    expect(jobLifecycle.states).toEqual(["draft", "open", "hired", "closed", "expired", "removed"]);
  });
});

describe("proposal lifecycle", () => {
  it("moves through viewing, shortlisting and interviewing to an outcome", () => {
    expect(transitionProposal("submitted", "view")).toBe("viewed");
    expect(transitionProposal("viewed", "view")).toBe("viewed");
    expect(transitionProposal("interviewing", "view")).toBe("interviewing");
    expect(transitionProposal("submitted", "shortlist")).toBe("shortlisted");
    expect(transitionProposal("shortlisted", "interview")).toBe("interviewing");
    expect(transitionProposal("interviewing", "offer")).toBe("offered");
    expect(transitionProposal("offered", "view")).toBe("offered");
    expect(transitionProposal("offered", "hire")).toBe("hired");
    expect(transitionProposal("submitted", "withdraw")).toBe("withdrawn");
    expect(transitionProposal("viewed", "decline")).toBe("declined");
    expect(transitionProposal("shortlisted", "close")).toBe("closed");
  });

  it("refuses anything after an outcome, and going backwards", () => {
    for (const end of ["hired", "declined", "withdrawn", "closed"] as const) {
      expect(proposalLifecycle.isTerminal(end)).toBe(true);
      expectViolation(() => transitionProposal(end, "view"), "PROPOSAL_TRANSITION_NOT_ALLOWED");
    }
    expectViolation(() => transitionProposal("interviewing", "shortlist"), "PROPOSAL_TRANSITION_NOT_ALLOWED");
  });

  it("hires only through an accepted offer; while an offer waits, the proposal cannot be withdrawn, declined or closed", () => {
    expectViolation(() => transitionProposal("interviewing", "hire"), "PROPOSAL_TRANSITION_NOT_ALLOWED");
    for (const event of ["withdraw", "decline", "close", "shortlist", "offer"] as const) {
      expectViolation(() => transitionProposal("offered", event), "PROPOSAL_TRANSITION_NOT_ALLOWED");
    }
    expect(() => transitionProposal("offered", "withdraw")).toThrow("You cannot withdraw a proposal that is waiting for the answer to an offer.");
  });

  it("reopens a proposal whose offer was declined or expired in the live state it had", () => {
    for (const before of LIVE_PROPOSAL_STATES) expect(reopenProposal("offered", before)).toBe(before);
    expect(reopenProposal("offered", null)).toBe("viewed");
    expectViolation(() => reopenProposal("hired", "viewed"), "PROPOSAL_TRANSITION_NOT_ALLOWED");
    expect(() => reopenProposal("hired", "viewed")).toThrow("You cannot reopen a proposal that is hired.");
  });
});

describe("contract lifecycle", () => {
  it("accepts or declines an offer and ends an active contract", () => {
    expect(transitionContract("offered", "accept")).toBe("active");
    expect(transitionContract("offered", "decline")).toBe("declined");
    expect(transitionContract("offered", "expire")).toBe("expired");
    expect(transitionContract("active", "end")).toBe("ended");
    expectViolation(() => transitionContract("expired", "accept"), "CONTRACT_TRANSITION_NOT_ALLOWED");
    expectViolation(() => transitionContract("declined", "expire"), "CONTRACT_TRANSITION_NOT_ALLOWED");
    expect(contractLifecycle.isTerminal("expired")).toBe(true);
    expectViolation(() => transitionContract("offered", "end"), "CONTRACT_TRANSITION_NOT_ALLOWED");
    expectViolation(() => transitionContract("ended", "accept"), "CONTRACT_TRANSITION_NOT_ALLOWED");
    expect(contractLifecycle.isTerminal("declined")).toBe(true);
  });
});

describe("milestone lifecycle", () => {
  it("runs created → funded → submitted ↔ changes requested → approved", () => {
    const path: [MilestoneEvent, string][] = [["fund", "funded"], ["submit", "submitted"], ["request_changes", "changes_requested"], ["submit", "submitted"], ["auto_approve", "approved"]];
    let state = milestoneLifecycle.states[0] ?? "created";
    for (const [event, to] of path) {
      state = transitionMilestone(state, event);
      expect(state).toBe(to);
    }
    expect(milestoneLifecycle.isTerminal("approved")).toBe(true);
  });

  it("lets the client release or refund escrow at any point once funded, never before", () => {
    for (const from of ["funded", "submitted", "changes_requested"] as const) {
      expect(transitionMilestone(from, "approve")).toBe("approved");
      expect(transitionMilestone(from, "refund")).toBe("refunded");
      expect(isMilestoneInEscrow(from)).toBe(true);
    }
    expect(isMilestoneInEscrow("created")).toBe(false);
    expectViolation(() => transitionMilestone("created", "submit"), "MILESTONE_TRANSITION_NOT_ALLOWED");
    expectViolation(() => transitionMilestone("created", "refund"), "MILESTONE_TRANSITION_NOT_ALLOWED");
    expectViolation(() => transitionMilestone("funded", "auto_approve"), "MILESTONE_TRANSITION_NOT_ALLOWED");
    expectViolation(() => transitionMilestone("approved", "refund"), "MILESTONE_TRANSITION_NOT_ALLOWED");
  });
});

describe("hourly week lifecycle", () => {
  it("invoices, then releases or handles a dispute", () => {
    expect(transitionHourlyWeek("open", "invoice")).toBe("invoiced");
    expect(transitionHourlyWeek("invoiced", "release")).toBe("released");
    expect(transitionHourlyWeek("invoiced", "dispute")).toBe("disputed");
    expect(transitionHourlyWeek("disputed", "release")).toBe("released");
    expect(transitionHourlyWeek("disputed", "refund")).toBe("refunded");
    expectViolation(() => transitionHourlyWeek("open", "release"), "HOURLY_WEEK_TRANSITION_NOT_ALLOWED");
    expectViolation(() => transitionHourlyWeek("disputed", "dispute"), "HOURLY_WEEK_TRANSITION_NOT_ALLOWED");
    expect(hourlyWeekLifecycle.allowedEvents("released")).toEqual([]);
  });
});
