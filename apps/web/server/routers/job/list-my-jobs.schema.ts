import { z } from "zod";
import { ZJobExpiry, ZJobStatus, ZJobType } from "./shared.schema";

export const ZListMyJobsOutput = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    status: ZJobStatus,
    type: ZJobType,
    connectCost: z.number().int().nullable(),
    proposalCount: z.number().int(),
    liveProposals: z.number().int(),
    unviewedProposals: z.number().int(),
    createdAt: z.date(),
    publishedAt: z.date().nullable(),
    expiry: ZJobExpiry,
  }),
);
