import { z } from "zod";
import { IdempotencyKey } from "@fairlance/db";
import { MAX_AMOUNT_MINOR } from "@fairlance/rules";
import { ZMilestoneStatus, ZReleasedPayment } from "../contract/contract.schema";

export const ZMilestoneActionInput = z.object({ idempotencyKey: IdempotencyKey, milestoneId: z.uuid() });

export const ZAddMilestoneInput = z.object({
  idempotencyKey: IdempotencyKey,
  contractId: z.uuid(),
  milestone: z.object({
    title: z.string().trim().min(1, "Give the milestone a title.").max(200, "Milestone titles are at most 200 characters."),
    amountMinor: z.bigint().positive("A milestone amount must be positive.").max(MAX_AMOUNT_MINOR, "A milestone cannot be more than $100,000,000.00."),
  }),
});
export const ZAddedMilestone = z.object({ milestoneId: z.string(), position: z.number().int(), title: z.string(), amountMinor: z.bigint(), status: ZMilestoneStatus });

export const ZFundedMilestone = z.object({
  milestoneId: z.string(),
  status: ZMilestoneStatus,
  amountMinor: z.bigint(),
  clientFeeMinor: z.bigint(),
  chargedMinor: z.bigint(),
  chargeRef: z.string(),
  fundedAt: z.date(),
});

export const ZSubmitWorkInput = ZMilestoneActionInput.extend({ note: z.string().trim().max(5000).optional() });
export const ZSubmittedWork = z.object({ milestoneId: z.string(), status: ZMilestoneStatus, submittedAt: z.date(), reviewDeadline: z.date() });

export const ZApprovedMilestone = z.object({ milestoneId: z.string(), status: ZMilestoneStatus, payment: ZReleasedPayment });

export const ZRequestChangesInput = ZMilestoneActionInput.extend({ message: z.string().trim().min(1, "Say what should change.").max(5000) });
export const ZChangesRequested = z.object({ milestoneId: z.string(), status: ZMilestoneStatus, changesRequested: z.number().int() });

export const ZRefundedMilestone = z.object({
  milestoneId: z.string(),
  status: ZMilestoneStatus,
  cardRefund: z.object({ milestoneId: z.string(), amountMinor: z.bigint(), refundRef: z.string().nullable(), failureReason: z.string().nullable() }),
});
