import { z } from "zod";
import { ZStarAverage } from "../feedback/feedback.schema";
import { ZJobFields, ZJobRef, ZProposalStatus } from "./shared.schema";

export const ZGetJobInput = ZJobRef;

export const ZClientTrustPanel = z.object({
  paymentVerified: z.boolean(),
  totalSpentMinor: z.bigint(),
  jobsPosted: z.number().int(),
  jobsWithHire: z.number().int(),
  hires: z.number().int(),
  openJobs: z.number().int(),
  memberSince: z.date(),
  hireRatePercent: z.number().int().nullable(),
});

export const ZGetJobOutput = z.object({
  job: ZJobFields.extend({ pausedAt: z.date().nullable() }),
  connectCost: z.number().int(),
  invited: z.boolean(),
  costForYou: z.number().int(),
  connectBalance: z.number().int(),
  client: ZClientTrustPanel.extend({ id: z.string(), name: z.string(), rating: ZStarAverage }),
  myProposal: z
    .object({
      id: z.string(),
      status: ZProposalStatus,
      bidMinor: z.bigint(),
      connectCost: z.number().int(),
      boostConnects: z.number().int(),
      connectsRefunded: z.number().int(),
      submittedAt: z.date(),
      boost: z
        .object({ topSlot: z.boolean(), slots: z.number().int(), auctionClosesAt: z.date().nullable(), settled: z.enum(["kept", "refunded"]).nullable(), clientInteracted: z.boolean() })
        .nullable(),
    })
    .nullable(),
});
