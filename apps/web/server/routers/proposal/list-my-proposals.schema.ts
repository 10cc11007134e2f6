import { z } from "zod";
import { ZProposalStatus } from "../job/shared.schema";

export const ZListMyProposalsOutput = z.array(
  z.object({
    proposalId: z.string(),
    jobId: z.string(),
    jobTitle: z.string(),
    jobType: z.enum(["FIXED", "HOURLY"]),
    status: ZProposalStatus,
    bidMinor: z.bigint(),
    submittedAt: z.date(),
    connectCost: z.number().int(),
    boostConnects: z.number().int(),
    connectsSpent: z.number().int(),
    connectsRefunded: z.number().int(),
    refundReason: z.string().nullable(),
    refundNote: z.string().nullable(),
  }),
);
