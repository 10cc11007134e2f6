import { z } from "zod";
import { ZCardRefund, ZMilestoneStatus, ZReleasedPayment } from "../contract/contract.schema";

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

export const ZSubmittedWork = z.object({ milestoneId: z.string(), status: ZMilestoneStatus, submittedAt: z.date(), reviewDeadline: z.date() });

export const ZApprovedMilestone = z.object({ milestoneId: z.string(), status: ZMilestoneStatus, payment: ZReleasedPayment });

export const ZChangesRequested = z.object({ milestoneId: z.string(), status: ZMilestoneStatus, changesRequested: z.number().int() });

export const ZRefundedMilestone = z.object({
  milestoneId: z.string(),
  status: ZMilestoneStatus,
  cardRefund: ZCardRefund,
});

export const ZRefundRequested = z.object({ milestoneId: z.string(), status: ZMilestoneStatus, deadline: z.date() });
export const ZRefundRequestWithdrawn = z.object({ milestoneId: z.string(), status: ZMilestoneStatus });
