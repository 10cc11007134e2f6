import { RuleViolation } from "../errors";
import { defineLifecycle } from "./lifecycle";

/** economy.md §3.1 Job: draft → open → hired | closed (without hire) | expired | removed (by an admin). */
export const JOB_STATUSES = ["draft", "open", "hired", "closed", "expired", "removed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export type JobEvent = "publish" | "hire" | "close" | "expire" | "remove";

export const jobLifecycle = defineLifecycle<JobStatus, JobEvent>({
  entity: "job",
  code: "JOB_TRANSITION_NOT_ALLOWED",
  stateLabels: { draft: "a draft", open: "open", hired: "filled", closed: "closed", expired: "expired", removed: "removed" },
  eventVerbs: { publish: "publish", hire: "hire on", close: "close", expire: "expire", remove: "remove" },
  transitions: {
    publish: { draft: "open" },
    hire: { open: "hired" },
    close: { open: "closed" },
    expire: { open: "expired" },
    remove: { open: "removed" },
  },
});

/**
 * economy.md §3.1 Proposal: submitted → (viewed) → (shortlisted / interviewing) → offered (the client
 * sent an offer) → hired (the freelancer accepted) | declined | withdrawn | closed. Viewing again is
 * harmless (the state stays); shortlisting or interviewing an unopened proposal implies it was
 * viewed. A declined or expired offer puts the proposal back in the live state it had
 * (`reopenProposal`).
 */
export const PROPOSAL_STATUSES = ["submitted", "viewed", "shortlisted", "interviewing", "offered", "hired", "declined", "withdrawn", "closed"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export type ProposalEvent = "view" | "shortlist" | "interview" | "offer" | "hire" | "decline" | "withdraw" | "close";

/** The states of a proposal still in play, before any offer. */
export const LIVE_PROPOSAL_STATES = ["submitted", "viewed", "shortlisted", "interviewing"] as const;
export type LiveProposalStatus = (typeof LIVE_PROPOSAL_STATES)[number];

const live = <To extends ProposalStatus>(to: To) => ({ submitted: to, viewed: to, shortlisted: to, interviewing: to });

export const proposalLifecycle = defineLifecycle<ProposalStatus, ProposalEvent>({
  entity: "proposal",
  code: "PROPOSAL_TRANSITION_NOT_ALLOWED",
  stateLabels: {
    submitted: "submitted",
    viewed: "viewed",
    shortlisted: "shortlisted",
    interviewing: "in interview",
    offered: "waiting for the answer to an offer",
    hired: "hired",
    declined: "declined",
    withdrawn: "withdrawn",
    closed: "closed",
  },
  eventVerbs: {
    view: "view",
    shortlist: "shortlist",
    interview: "interview on",
    offer: "send an offer on",
    hire: "hire",
    decline: "decline",
    withdraw: "withdraw",
    close: "close",
  },
  transitions: {
    view: { submitted: "viewed", viewed: "viewed", shortlisted: "shortlisted", interviewing: "interviewing", offered: "offered" },
    shortlist: { submitted: "shortlisted", viewed: "shortlisted" },
    interview: { submitted: "interviewing", viewed: "interviewing", shortlisted: "interviewing" },
    offer: live("offered"),
    hire: { offered: "hired" },
    decline: live("declined"),
    withdraw: live("withdrawn"),
    close: live("closed"),
  },
});

/**
 * economy.md §3.7: an offer declined or expired gives the proposal back the live state it had when
 * the offer was sent (`before`), with nothing lost.
 */
export function reopenProposal(state: ProposalStatus, before: ProposalStatus | null): LiveProposalStatus {
  if (state !== "offered") {
    throw new RuleViolation("PROPOSAL_TRANSITION_NOT_ALLOWED", `You cannot reopen a proposal that is ${proposalLifecycle.label(state)}.`, {
      entity: "proposal",
      state,
      event: "reopen",
    });
  }
  return before !== null && (LIVE_PROPOSAL_STATES as readonly string[]).includes(before) ? (before as LiveProposalStatus) : "viewed";
}

/** economy.md §3.1 Contract: offered → active → ended, or an offer declined or expired (unanswered). */
export const CONTRACT_STATUSES = ["offered", "active", "ended", "declined", "expired"] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export type ContractEvent = "accept" | "decline" | "expire" | "end";
export type ContractType = "fixed" | "hourly";

export const contractLifecycle = defineLifecycle<ContractStatus, ContractEvent>({
  entity: "contract",
  code: "CONTRACT_TRANSITION_NOT_ALLOWED",
  stateLabels: { offered: "an open offer", active: "active", ended: "ended", declined: "declined", expired: "an expired offer" },
  eventVerbs: { accept: "accept", decline: "decline", expire: "expire", end: "end" },
  transitions: { accept: { offered: "active" }, decline: { offered: "declined" }, expire: { offered: "expired" }, end: { active: "ended" } },
});

/**
 * economy.md §3.1 Milestone: created → funded → submitted → (changes_requested → submitted …) →
 * approved (released) | refunded, with two holds on escrow:
 * - refund_requested: before any work was submitted, the client asks for the escrow back; the
 *   freelancer gives it back, disputes, or lets the answer time pass (accepted by silence). The
 *   client may withdraw the request or approve instead.
 * - disputed: either side opened a dispute; the money is frozen until an admin decides (release,
 *   refund, or split) or the parties settle. A withdrawn dispute returns the milestone to the
 *   state it left (the services store it), so `resume` is not a lifecycle event here.
 * Once work was submitted, escrow goes back to the client only with the freelancer's consent
 * (`refund` is the freelancer giving it back) or by a decision. Automatic approval only follows
 * a submission whose review window ran out.
 */
export const MILESTONE_STATUSES = ["created", "funded", "submitted", "changes_requested", "refund_requested", "disputed", "approved", "refunded", "split"] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export type MilestoneEvent =
  | "fund"
  | "submit"
  | "request_changes"
  | "approve"
  | "auto_approve"
  | "refund"
  | "request_refund"
  | "withdraw_refund_request"
  | "dispute"
  | "decide_release"
  | "decide_refund"
  | "decide_split";

/** Statuses whose money sits in escrow and may still move by the parties' actions. */
const HELD = ["funded", "submitted", "changes_requested", "refund_requested"] as const;
const from = <To extends MilestoneStatus>(states: readonly MilestoneStatus[], to: To) => Object.fromEntries(states.map((state) => [state, to])) as Partial<Record<MilestoneStatus, To>>;

export const milestoneLifecycle = defineLifecycle<MilestoneStatus, MilestoneEvent>({
  entity: "milestone",
  code: "MILESTONE_TRANSITION_NOT_ALLOWED",
  stateLabels: {
    created: "not funded yet",
    funded: "funded",
    submitted: "submitted for review",
    changes_requested: "waiting for changes",
    refund_requested: "waiting for an answer to a refund request",
    disputed: "in dispute",
    approved: "approved",
    refunded: "refunded",
    split: "split by a decision",
  },
  eventVerbs: {
    fund: "fund",
    submit: "submit work on",
    request_changes: "request changes on",
    approve: "approve",
    auto_approve: "automatically approve",
    refund: "refund",
    request_refund: "request a refund of",
    withdraw_refund_request: "withdraw the refund request on",
    dispute: "dispute",
    decide_release: "release",
    decide_refund: "refund",
    decide_split: "split",
  },
  transitions: {
    fund: { created: "funded" },
    submit: { funded: "submitted", changes_requested: "submitted" },
    request_changes: { submitted: "changes_requested" },
    approve: from(HELD, "approved"),
    auto_approve: { submitted: "approved" },
    refund: from(HELD, "refunded"),
    request_refund: { funded: "refund_requested" },
    withdraw_refund_request: { refund_requested: "funded" },
    dispute: from(HELD, "disputed"),
    decide_release: { disputed: "approved" },
    decide_refund: { disputed: "refunded" },
    decide_split: { disputed: "split" },
  },
});

/** Milestone states whose money sits in escrow (held, or frozen by a dispute). */
export function isMilestoneInEscrow(status: MilestoneStatus): boolean {
  return (HELD as readonly MilestoneStatus[]).includes(status) || status === "disputed";
}

/**
 * economy.md §3.4 Hourly week: open (hours being logged) → invoiced (Monday after) → released after the
 * dispute deadline; a dispute holds it until it is resolved by a release or a refund.
 */
export const HOURLY_WEEK_STATUSES = ["open", "invoiced", "disputed", "released", "refunded", "split"] as const;
export type HourlyWeekStatus = (typeof HOURLY_WEEK_STATUSES)[number];
export type HourlyWeekEvent = "invoice" | "dispute" | "release" | "refund" | "split";

export const hourlyWeekLifecycle = defineLifecycle<HourlyWeekStatus, HourlyWeekEvent>({
  entity: "week",
  code: "HOURLY_WEEK_TRANSITION_NOT_ALLOWED",
  stateLabels: { open: "still open", invoiced: "invoiced", disputed: "disputed", released: "released", refunded: "refunded", split: "split by a decision" },
  eventVerbs: { invoice: "invoice", dispute: "dispute", release: "release", refund: "refund", split: "split" },
  transitions: {
    invoice: { open: "invoiced" },
    dispute: { invoiced: "disputed" },
    release: { invoiced: "released", disputed: "released" },
    refund: { invoiced: "refunded", disputed: "refunded" },
    split: { disputed: "split" },
  },
});

export const transitionJob = (state: JobStatus, event: JobEvent): JobStatus => jobLifecycle.transition(state, event);
export const transitionProposal = (state: ProposalStatus, event: ProposalEvent): ProposalStatus =>
  proposalLifecycle.transition(state, event);
export const transitionContract = (state: ContractStatus, event: ContractEvent): ContractStatus =>
  contractLifecycle.transition(state, event);
export const transitionMilestone = (state: MilestoneStatus, event: MilestoneEvent): MilestoneStatus =>
  milestoneLifecycle.transition(state, event);
export const transitionHourlyWeek = (state: HourlyWeekStatus, event: HourlyWeekEvent): HourlyWeekStatus =>
  hourlyWeekLifecycle.transition(state, event);
