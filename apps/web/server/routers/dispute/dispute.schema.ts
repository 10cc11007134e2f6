import { z } from "zod";
import { Id } from "@fairlance/db/services";
import { ZReleasedPayment } from "../contract/contract.schema";

const ZSide = z.enum(["client", "freelancer"]);
const ZViewer = z.enum(["client", "freelancer", "admin"]);
const ZDisputeStatus = z.enum(["OPEN", "DECIDED", "SETTLED", "WITHDRAWN"]);
const ZOutcome = z.enum(["RELEASE", "REFUND", "SPLIT"]);

export const ZDisputeInput = z.strictObject({ disputeId: Id("dispute") });
export const ZDivisionInput = z.strictObject({
  disputeId: Id("dispute"),
  releaseMinor: z.bigint("Enter the freelancer's part in cents.").nonnegative("The freelancer's part cannot be negative."),
});

export const ZOpenedDispute = z.object({ disputeId: z.string(), status: z.literal("OPEN"), targetStatus: z.string(), amountMinor: z.bigint(), openedAt: z.date() });
export const ZAddedStatement = z.object({ statementId: z.string(), disputeId: z.string(), createdAt: z.date() });
export const ZProposedSplit = z.object({ disputeId: z.string(), proposedReleaseMinor: z.bigint(), proposedAt: z.date() });
export const ZWithdrawnDispute = z.object({ disputeId: z.string(), status: z.literal("WITHDRAWN"), targetStatus: z.string() });
export const ZClosedDispute = z.object({
  disputeId: z.string(),
  status: ZDisputeStatus,
  outcome: ZOutcome,
  releasedMinor: z.bigint(),
  refundedMinor: z.bigint(),
  clientFeeRefundMinor: z.bigint(),
  payment: ZReleasedPayment.nullable(),
  targetStatus: z.string(),
  cardRefund: z.object({ amountMinor: z.bigint(), refundRef: z.string().nullable(), queued: z.boolean() }).nullable(),
});

export const ZDisputeView = z.object({
  id: z.string(),
  status: ZDisputeStatus,
  viewerSide: ZViewer,
  contract: z.object({ id: z.string(), title: z.string(), clientId: z.string(), clientName: z.string(), freelancerId: z.string(), freelancerName: z.string() }),
  target: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("milestone"), id: z.string(), title: z.string(), status: z.string() }),
    z.object({ kind: z.literal("week"), id: z.string(), weekStart: z.date(), status: z.string() }),
  ]),
  openedBy: ZSide,
  openedAt: z.date(),
  reason: z.string(),
  amountMinor: z.bigint(),
  clientFeeMinor: z.bigint(),
  proposal: z.object({ releaseMinor: z.bigint(), by: ZSide, at: z.date() }).nullable(),
  statements: z.array(z.object({ id: z.string(), by: ZViewer, authorName: z.string(), text: z.string(), links: z.array(z.string()), at: z.date() })),
  decision: z
    .object({ outcome: ZOutcome, releasedMinor: z.bigint(), refundedMinor: z.bigint(), clientFeeRefundedMinor: z.bigint(), reason: z.string(), at: z.date(), by: z.enum(["admin", "parties"]) })
    .nullable(),
  timeline: z.array(z.object({ at: z.date(), what: z.string(), by: ZViewer.nullable() })),
  can: z.object({ addStatement: z.boolean(), propose: z.boolean(), acceptProposal: z.boolean(), withdraw: z.boolean(), decide: z.boolean() }),
});

export const ZDivisionPreview = z.object({
  releaseMinor: z.bigint(),
  refundMinor: z.bigint(),
  serviceFeeMinor: z.bigint().nullable(),
  feeBands: z.array(z.object({ index: z.number().int(), fromMinor: z.bigint(), toMinor: z.bigint().nullable(), rateBps: z.number().int(), partMinor: z.bigint(), feeMinor: z.bigint() })).nullable(),
  freelancerNetMinor: z.bigint().nullable(),
  clientFeeRefundMinor: z.bigint(),
  clientRefundMinor: z.bigint(),
});

export const ZMediationQueue = z.array(
  z.object({
    id: z.string(),
    contractTitle: z.string(),
    targetTitle: z.string(),
    clientName: z.string(),
    freelancerName: z.string(),
    openedBy: ZSide,
    openedAt: z.date(),
    ageDays: z.number().int(),
    amountMinor: z.bigint(),
    statements: z.number().int(),
    hasProposal: z.boolean(),
  }),
);
