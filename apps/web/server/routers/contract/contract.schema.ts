import { z } from "zod";
import { IdempotencyKey } from "@fairlance/db";
import { MAX_AMOUNT_MINOR } from "@fairlance/rules";

const ZContractStatus = z.enum(["OFFERED", "ACTIVE", "ENDED", "DECLINED"]);
const ZJobType = z.enum(["FIXED", "HOURLY"]);
export const ZMilestoneStatus = z.enum(["CREATED", "FUNDED", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "REFUNDED"]);
const ZWeekStatus = z.enum(["OPEN", "INVOICED", "DISPUTED", "RELEASED", "REFUNDED"]);

export const ZClientFee = z.object({ amountMinor: z.bigint(), feeMinor: z.bigint(), totalMinor: z.bigint() });

export const ZFeePreview = z.object({
  grossMinor: z.bigint(),
  feeMinor: z.bigint(),
  netMinor: z.bigint(),
  bands: z.array(z.object({ rateBps: z.number().int(), partMinor: z.bigint(), feeMinor: z.bigint() })),
  priorBilledMinor: z.bigint(),
  currentRateBps: z.number().int().nullable(),
  nextRateBps: z.number().int().nullable(),
  remainingToNextMinor: z.bigint().nullable(),
});

export const ZContractId = z.object({ contractId: z.uuid() });

export const ZContractList = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    type: ZJobType,
    status: ZContractStatus,
    otherPartyName: z.string(),
    offeredAt: z.date(),
    nextAction: z.string(),
    needsYou: z.boolean(),
  }),
);

export const ZContractPage = z.object({
  id: z.string(),
  jobId: z.string().nullable(),
  proposalId: z.string().nullable(),
  type: ZJobType,
  title: z.string(),
  status: ZContractStatus,
  viewerRole: z.enum(["CLIENT", "FREELANCER"]),
  client: z.object({ name: z.string() }),
  freelancer: z.object({ name: z.string() }),
  hourlyRateMinor: z.bigint().nullable(),
  weeklyLimitHours: z.number().int().nullable(),
  clientFeeBps: z.number().int(),
  offeredAt: z.date(),
  startedAt: z.date().nullable(),
  endedAt: z.date().nullable(),
  endedReason: z.string().nullable(),
  currentMilestoneId: z.string().nullable(),
  workStartGate: z.object({
    canStart: z.boolean(),
    checks: z.array(z.object({ key: z.string(), label: z.string(), ok: z.boolean(), explanation: z.string() })),
  }),
  milestones: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      title: z.string(),
      amountMinor: z.bigint(),
      clientFeeMinor: z.bigint(),
      status: ZMilestoneStatus,
      fundedAt: z.date().nullable(),
      submittedAt: z.date().nullable(),
      submissionNote: z.string().nullable(),
      reviewDeadline: z.date().nullable(),
      changesRequested: z.number().int(),
      approvedAt: z.date().nullable(),
      autoApproved: z.boolean(),
      refundedAt: z.date().nullable(),
      fundQuote: ZClientFee.nullable(),
      feePreview: ZFeePreview.nullable(),
    }),
  ),
  hourlyWeeks: z.array(
    z.object({
      id: z.string(),
      weekStart: z.date(),
      status: ZWeekStatus,
      minutes: z.number().int(),
      amountMinor: z.bigint(),
      clientFeeMinor: z.bigint(),
      invoicedAt: z.date().nullable(),
      disputeDeadline: z.date().nullable(),
      disputedAt: z.date().nullable(),
      disputeReason: z.string().nullable(),
      releasedAt: z.date().nullable(),
      disputable: z.boolean(),
    }),
  ),
  priorBilledMinor: z.bigint(),
  escrowMinor: z.bigint(),
  securityPeriodDays: z.number().int(),
  reviewWindowDays: z.number().int(),
  milestoneMinimumMinor: z.bigint(),
  currentWeek: z.object({ weekStart: z.date(), today: z.date(), minutes: z.number().int(), limitMinutes: z.number().int() }).nullable(),
});

const ZMilestoneDraft = z.object({
  title: z.string().trim().min(1, "Give the milestone a title.").max(200, "Milestone titles are at most 200 characters."),
  amountMinor: z.bigint().positive("A milestone amount must be positive.").max(MAX_AMOUNT_MINOR, "A milestone cannot be more than $100,000,000.00."),
});
const ZFixedTerms = z.object({ type: z.literal("FIXED"), milestones: z.array(ZMilestoneDraft).min(1, "Add at least one milestone.").max(20) });
const ZWeeklyLimit = z.number().int("The weekly limit is a whole number of hours.").min(1, "The weekly limit is at least 1 hour.").max(168, "A week has 168 hours.");

export const ZHireQuoteInput = z.object({ proposalId: z.uuid() });
export const ZHireQuote = z.object({
  proposalId: z.string(),
  status: z.string(),
  bidMinor: z.bigint(),
  coverLetter: z.string(),
  freelancer: z.object({ id: z.string(), name: z.string() }),
  job: z.object({ id: z.string(), title: z.string(), type: ZJobType, budgetMinor: z.bigint().nullable(), status: z.string() }),
  clientFeeBps: z.number().int(),
  bidClientFee: ZClientFee,
  milestoneMinimumMinor: z.bigint(),
});

export const ZClientFeeQuoteInput = z.object({ amountsMinor: z.array(z.bigint().positive().max(MAX_AMOUNT_MINOR)).max(20) });
export const ZClientFeeQuote = z.object({
  clientFeeBps: z.number().int(),
  milestoneMinimumMinor: z.bigint(),
  lines: z.array(ZClientFee),
  amountMinor: z.bigint(),
  feeMinor: z.bigint(),
  totalMinor: z.bigint(),
});

export const ZContractOffer = z.object({
  contractId: z.string(),
  status: ZContractStatus,
  type: ZJobType,
  settingsVersion: z.number().int(),
  milestoneIds: z.array(z.string()),
});

export const ZHireInput = z.object({
  idempotencyKey: IdempotencyKey,
  proposalId: z.uuid(),
  terms: z.discriminatedUnion("type", [ZFixedTerms, z.object({ type: z.literal("HOURLY"), weeklyLimitHours: ZWeeklyLimit })]),
});

export const ZOfferTargetInput = z.object({ freelancerId: z.uuid("Choose a freelancer.") });
export const ZOfferCandidatesInput = z.object({ query: z.string().trim().max(100, "Search with at most 100 characters.").optional() });
export const ZOfferCandidates = z.array(
  z.object({ id: z.string(), name: z.string(), memberSince: z.date(), contractsWithYou: z.number().int(), proposalsToYou: z.number().int() }),
);
export const ZOfferTarget = z.object({ id: z.string(), name: z.string() });

export const ZMakeOfferInput = z.object({
  idempotencyKey: IdempotencyKey,
  freelancerId: z.uuid(),
  title: z.string().trim().min(1, "Give the contract a title.").max(200, "Titles are at most 200 characters."),
  terms: z.discriminatedUnion("type", [
    ZFixedTerms,
    z.object({ type: z.literal("HOURLY"), weeklyLimitHours: ZWeeklyLimit, hourlyRateMinor: z.bigint().positive("The hourly rate must be positive.").max(MAX_AMOUNT_MINOR, "The hourly rate cannot be more than $100,000,000.00.") }),
  ]),
});

export const ZContractState = z.object({
  contractId: z.string(),
  status: ZContractStatus,
  startedAt: z.date().nullable(),
  endedAt: z.date().nullable(),
});

const ZCardRefund = z.object({ milestoneId: z.string(), amountMinor: z.bigint(), refundRef: z.string().nullable(), failureReason: z.string().nullable() });

export const ZContractActionInput = z.object({ idempotencyKey: IdempotencyKey, contractId: z.uuid() });
export const ZDeclineOfferInput = ZContractActionInput.extend({ reason: z.string().trim().max(500).optional() });
export const ZDeclinedOffer = ZContractState.extend({ cardRefunds: z.array(ZCardRefund) });

export const ZEndContractInput = ZContractActionInput.extend({
  reason: z.string().trim().min(1, "Say why the contract ends.").max(500),
  releaseEscrow: z.boolean().default(false),
});
export const ZEndedContract = ZContractState.extend({
  released: z.array(z.object({ milestoneId: z.string(), paymentId: z.string(), grossMinor: z.bigint(), feeMinor: z.bigint(), netMinor: z.bigint() })),
  cardRefunds: z.array(ZCardRefund),
});

export const ZReleasedPayment = z.object({
  paymentId: z.string(),
  grossMinor: z.bigint(),
  feeMinor: z.bigint(),
  netMinor: z.bigint(),
  priorBilledMinor: z.bigint(),
  availableAt: z.date(),
});

export const ZBonusQuoteInput = z.object({ contractId: z.uuid(), amountMinor: z.bigint().positive("A bonus must be more than $0.").max(MAX_AMOUNT_MINOR, "A bonus cannot be more than $100,000,000.00.") });
export const ZBonusQuote = z.object({ clientFee: ZClientFee, freelancerReceives: ZFeePreview });

export const ZPayBonusInput = ZContractActionInput.extend({
  amountMinor: z.bigint().positive("A bonus must be more than $0.").max(MAX_AMOUNT_MINOR, "A bonus cannot be more than $100,000,000.00."),
  note: z.string().trim().max(500).optional(),
});
export const ZPaidBonus = z.object({
  contractId: z.string(),
  clientFeeMinor: z.bigint(),
  chargedMinor: z.bigint(),
  chargeRef: z.string(),
  payment: ZReleasedPayment,
});
