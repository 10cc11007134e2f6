import { z } from "zod";
import { ZEarnings } from "../earnings/earnings.schema";
import { ZFeedbackToLeave } from "../feedback/feedback.schema";
import { ZJobStatus, ZJobType, ZProposalStatus } from "../job/shared.schema";

const ZDate = z.date();
const ZMoney = z.bigint();

// ---------------------------------------------------------------- freelancer

const ZMilestoneStep = { milestone: z.string(), amountMinor: ZMoney };
const ZFreelancerStep = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("awaiting_funding"), ...ZMilestoneStep }),
  z.object({ kind: z.literal("work"), ...ZMilestoneStep }),
  z.object({ kind: z.literal("changes_requested"), ...ZMilestoneStep }),
  z.object({ kind: z.literal("in_review"), ...ZMilestoneStep, autoApprovesAt: ZDate.nullable() }),
  z.object({ kind: z.literal("refund_requested"), ...ZMilestoneStep, answerBy: ZDate.nullable() }),
  z.object({ kind: z.literal("disputed"), ...ZMilestoneStep, disputeId: z.string().nullable() }),
  z.object({ kind: z.literal("no_milestone") }),
  z.object({
    kind: z.literal("hourly"),
    minutesThisWeek: z.number().int(),
    limitMinutes: z.number().int(),
    inReview: z.object({ amountMinor: ZMoney, releasesAt: ZDate.nullable() }).nullable(),
    disputeId: z.string().nullable(),
  }),
]);

export const ZFreelancerDashboard = z.object({
  money: ZEarnings.pick({ balances: true, pending: true, escrow: true, inReview: true, inDispute: true }),
  nextWithdrawal: z
    .object({
      runAt: ZDate,
      due: z.boolean(),
      methodLabel: z.string(),
      amountMinor: ZMoney,
      netMinor: ZMoney,
      payout: z.boolean(),
      reason: z.enum(["threshold_met", "aged_balance", "below_threshold", "nothing_available", "not_above_fee", "net_below_minimum"]),
    })
    .nullable(),
  connects: z.object({ balance: z.number().int(), expiringSoon: z.array(z.object({ connects: z.number().int(), expiresAt: ZDate })) }),
  contracts: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      type: ZJobType,
      clientName: z.string(),
      step: ZFreelancerStep,
      clearing: z.object({ netMinor: ZMoney, availableAt: ZDate }).nullable(),
    }),
  ),
  offers: z.array(
    z.object({
      contractId: z.string(),
      title: z.string(),
      type: ZJobType,
      clientName: z.string(),
      offerExpiresAt: ZDate,
      hourlyRateMinor: ZMoney.nullable(),
      totalMinor: ZMoney,
    }),
  ),
  proposals: z.array(
    z.object({ id: z.string(), jobId: z.string(), jobTitle: z.string(), jobType: ZJobType, status: ZProposalStatus, bidMinor: ZMoney, submittedAt: ZDate }),
  ),
  proposalsAwaiting: z.number().int(),
  openJobs: z.number().int(),
  latestJobs: z.array(z.object({ id: z.string(), title: z.string(), publishedAt: ZDate.nullable(), connectCost: z.number().int().nullable() })),
  feedbackToLeave: ZFeedbackToLeave,
});

// ---------------------------------------------------------------- client

const ZOnContract = { contractId: z.string(), contractTitle: z.string() };
const ZOnMilestone = { ...ZOnContract, freelancerName: z.string(), milestone: z.string(), amountMinor: ZMoney };
const ZClientTask = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("review_work"), ...ZOnMilestone, autoApprovesAt: ZDate.nullable() }),
  z.object({ kind: z.literal("review_invoice"), ...ZOnContract, freelancerName: z.string(), weekStart: ZDate, amountMinor: ZMoney, disputeBy: ZDate.nullable() }),
  z.object({ kind: z.literal("fund_milestone"), ...ZOnMilestone }),
  z.object({ kind: z.literal("add_milestone"), ...ZOnContract, freelancerName: z.string() }),
  z.object({
    kind: z.literal("dispute"),
    disputeId: z.string(),
    ...ZOnContract,
    what: z.string(),
    amountMinor: ZMoney,
    openedAt: ZDate,
    splitProposedByOther: z.boolean(),
  }),
]);
const ZClientWaiting = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("refund_request"), ...ZOnMilestone, comesBackAt: ZDate.nullable() }),
  z.object({ kind: z.literal("changes_requested"), ...ZOnMilestone }),
]);

export const ZClientDashboard = z.object({
  jobs: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: ZJobStatus,
      type: ZJobType,
      publishedAt: ZDate.nullable(),
      liveProposals: z.number().int(),
      unviewedProposals: z.number().int(),
    }),
  ),
  jobsTotal: z.number().int(),
  offers: z.array(
    z.object({
      contractId: z.string(),
      title: z.string(),
      type: ZJobType,
      freelancerName: z.string(),
      offeredAt: ZDate,
      offerExpiresAt: ZDate,
      hourlyRateMinor: ZMoney.nullable(),
      totalMinor: ZMoney,
      fundedMinor: ZMoney,
    }),
  ),
  escrow: z.object({
    totalMinor: ZMoney,
    contracts: z.array(z.object({ contractId: z.string(), title: z.string(), freelancerName: z.string(), amountMinor: ZMoney, inDisputeMinor: ZMoney })),
  }),
  tasks: z.array(ZClientTask),
  waiting: z.array(ZClientWaiting),
  activeContracts: z.number().int(),
  feedbackToLeave: ZFeedbackToLeave,
});

// ---------------------------------------------------------------- admin

export const ZAdminDashboard = z.object({
  waiting: z.object({
    disputes: z.object({ count: z.number().int(), oldestOpenedAt: ZDate.nullable() }),
    flaggedMessages: z.number().int(),
    refundsQueued: z.object({ count: z.number().int(), amountMinor: ZMoney }),
    payouts: z.object({ failedLast7Days: z.number().int(), stuck: z.number().int() }),
    reconciliation: z.object({ ranAt: ZDate, orphans: z.number().int() }).nullable(),
    failedJobs: z.number().int(),
  }),
  usersByRole: z.array(z.object({ role: z.enum(["CLIENT", "FREELANCER", "ADMIN"]), count: z.number().int() })),
  jobsByStatus: z.array(z.object({ status: ZJobStatus, count: z.number().int() })),
  newUsersLast7Days: z.number().int(),
  now: ZDate,
});
