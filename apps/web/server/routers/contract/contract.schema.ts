import { z } from "zod";
import { ZAttachmentView } from "../message/inbox.schema";
import { Id, MilestoneDraft, PayBonusInput } from "@fairlance/db/services";
import { ZFreelancerSummary } from "../feedback/feedback.schema";

const ZContractStatus = z.enum(["OFFERED", "ACTIVE", "ENDED", "DECLINED", "EXPIRED"]);
const ZJobType = z.enum(["FIXED", "HOURLY"]);
export const ZMilestoneStatus = z.enum(["CREATED", "FUNDED", "SUBMITTED", "CHANGES_REQUESTED", "REFUND_REQUESTED", "DISPUTED", "APPROVED", "REFUNDED", "SPLIT"]);
export const ZWeekStatus = z.enum(["OPEN", "INVOICED", "DISPUTED", "RELEASED", "REFUNDED", "SPLIT"]);

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

/** The fee on the milestones still to be paid, in order, one total for the contract (economy.md §3.5). */
export const ZFeePlan = z.object({
  milestoneCount: z.number().int(),
  grossMinor: z.bigint(),
  feeMinor: z.bigint(),
  netMinor: z.bigint(),
  bands: z.array(z.object({ rateBps: z.number().int(), partMinor: z.bigint(), feeMinor: z.bigint() })),
  splitDependsOnOrder: z.boolean(),
  priorBilledMinor: z.bigint(),
  currentRateBps: z.number().int().nullable(),
  nextRateBps: z.number().int().nullable(),
  remainingToNextMinor: z.bigint().nullable(),
});

export const ZContractId = z.strictObject({ contractId: Id("contract") });

export const ZContractList = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    type: ZJobType,
    status: ZContractStatus,
    otherPartyName: z.string(),
    otherParty: z.object({ id: z.string(), name: z.string(), role: z.enum(["CLIENT", "FREELANCER"]) }),
    offeredAt: z.date(),
    nextAction: z.string(),
    needsYou: z.boolean(),
  }),
);

export const ZContractPage = z.object({
  /** The other party is suspended (economy.md §5.3): what that means for the viewer, in words. */
  otherPartyNotice: z.string().nullable(),
  id: z.string(),
  jobId: z.string().nullable(),
  proposalId: z.string().nullable(),
  type: ZJobType,
  title: z.string(),
  status: ZContractStatus,
  viewerRole: z.enum(["CLIENT", "FREELANCER"]),
  client: z.object({ id: z.string(), name: z.string() }),
  freelancer: z.object({ id: z.string(), name: z.string() }),
  hourlyRateMinor: z.bigint().nullable(),
  weeklyLimitHours: z.number().int().nullable(),
  clientFeeBps: z.number().int(),
  offeredAt: z.date(),
  offerExpiresAt: z.date(),
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
      refundRequestReason: z.string().nullable(),
      refundRequestDeadline: z.date().nullable(),
      openDisputeId: z.string().nullable(),
      latestDisputeId: z.string().nullable(),
      attachments: z.array(ZAttachmentView),
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
      openDisputeId: z.string().nullable(),
      latestDisputeId: z.string().nullable(),
      disputable: z.boolean(),
    }),
  ),
  priorBilledMinor: z.bigint(),
  /** The freelancer's only: null for the client. */
  feePlan: ZFeePlan.nullable(),
  /** Hourly, the freelancer's only: a full week (rate × weekly limit) by band. */
  hourlyWeekPreview: ZFeePreview.nullable(),
  escrowMinor: z.bigint(),
  securityPeriodDays: z.number().int(),
  reviewWindowDays: z.number().int(),
  maxChangeRequests: z.number().int(),
  refundRequestDays: z.number().int(),
  milestoneMinimumMinor: z.bigint(),
  currentWeek: z.object({ weekStart: z.date(), today: z.date(), minutes: z.number().int(), limitMinutes: z.number().int() }).nullable(),
});

export const ZHireQuoteInput = z.strictObject({ proposalId: Id("proposal") });
export const ZHireQuote = z.object({
  proposalId: z.string(),
  status: z.string(),
  bidMinor: z.bigint(),
  coverLetter: z.string(),
  freelancer: z.object({ id: z.string(), name: z.string(), summary: ZFreelancerSummary }),
  job: z.object({ id: z.string(), title: z.string(), type: ZJobType, budgetMinor: z.bigint().nullable(), status: z.string() }),
  clientFeeBps: z.number().int(),
  bidClientFee: ZClientFee,
  milestoneMinimumMinor: z.bigint(),
  offerExpiryDays: z.number().int(),
});

export const ZClientFeeQuoteInput = z.strictObject({ amountsMinor: z.array(MilestoneDraft.shape.amountMinor).max(20, "Quote at most 20 milestones at once.") });
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

export const ZOfferTargetInput = z.strictObject({ freelancerId: Id("freelancer") });
export const ZOfferCandidatesInput = z.strictObject({ query: z.string().trim().max(100, "Search with at most 100 characters.").optional() });
export const ZOfferCandidates = z.array(
  z.object({ id: z.string(), name: z.string(), memberSince: z.date(), contractsWithYou: z.number().int(), proposalsToYou: z.number().int() }),
);
export const ZOfferTarget = z.object({ id: z.string(), name: z.string(), summary: ZFreelancerSummary });

export const ZContractState = z.object({
  contractId: z.string(),
  status: ZContractStatus,
  startedAt: z.date().nullable(),
  endedAt: z.date().nullable(),
});

export const ZCardRefund = z.object({ milestoneId: z.string(), amountMinor: z.bigint(), refundRef: z.string().nullable(), queued: z.boolean(), failureReason: z.string().nullable() });

export const ZDeclinedOffer = ZContractState.extend({ cardRefunds: z.array(ZCardRefund) });

export const ZEndedContract = ZContractState.extend({
  released: z.array(z.object({ milestoneId: z.string(), paymentId: z.string(), grossMinor: z.bigint(), feeMinor: z.bigint(), netMinor: z.bigint() })),
  refundsRequested: z.array(z.object({ milestoneId: z.string(), deadline: z.date() })),
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

/** The bonus form before paying: the contract and amount of a bonus (the pay-bonus input's own fields). */
export const ZBonusQuoteInput = PayBonusInput.pick({ contractId: true, amountMinor: true });
export const ZBonusQuote = z.object({ clientFee: ZClientFee, freelancerReceives: ZFeePreview });

export const ZPaidBonus = z.object({
  contractId: z.string(),
  clientFeeMinor: z.bigint(),
  chargedMinor: z.bigint(),
  chargeRef: z.string(),
  payment: ZReleasedPayment,
});
