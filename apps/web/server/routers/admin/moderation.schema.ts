import { z } from "zod";

const ZPerson = z.object({ id: z.string(), name: z.string(), email: z.string() });

const ZJobStatus = z.enum(["DRAFT", "OPEN", "HIRED", "CLOSED", "EXPIRED", "REMOVED"]);

export const ZModerationJobsInput = z.strictObject({
  query: z.string().max(200).optional(),
  status: ZJobStatus.nullable().optional(),
  client: z.string().max(200).optional(),
  page: z.int().min(1).default(1),
});
export const ZModerationJobs = z.object({
  rows: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: ZJobStatus,
      client: ZPerson,
      publishedAt: z.date().nullable(),
      proposalCount: z.number().int(),
      connectCost: z.number().int().nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZRemovedJob = z.object({ jobId: z.string(), status: z.string(), proposalsClosed: z.number().int(), connectsRefunded: z.number().int() });

export const ZFlaggedInput = z.strictObject({ includeReviewed: z.boolean().default(false) });
export const ZFlaggedMessages = z.array(
  z.object({
    id: z.string(),
    proposalId: z.string().nullable(),
    contractId: z.string().nullable(),
    sender: ZPerson,
    recipient: ZPerson,
    body: z.string(),
    flags: z.array(z.string()),
    createdAt: z.date(),
    reviewedAt: z.date().nullable(),
  }),
);

export const ZReviewedFlag = z.object({ messageId: z.string(), reviewedAt: z.date() });
