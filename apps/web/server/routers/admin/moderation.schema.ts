import { z } from "zod";
import { IdempotencyKey } from "@fairlance/db";

const ZPerson = z.object({ id: z.string(), name: z.string(), email: z.string() });

export const ZModerationJobsInput = z.object({ query: z.string().max(200).optional(), page: z.int().min(1).default(1) });
export const ZModerationJobs = z.object({
  rows: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
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

export const ZRemoveJobInput = z.object({
  jobId: z.uuid("That job does not exist."),
  idempotencyKey: IdempotencyKey,
  reason: z.string().trim().min(5, "Say why the job is removed (at least 5 characters).").max(1_000, "Keep the reason under 1,000 characters."),
});
export const ZRemovedJob = z.object({ jobId: z.string(), status: z.string(), proposalsClosed: z.number().int(), connectsRefunded: z.number().int() });

export const ZFlaggedInput = z.object({ includeReviewed: z.boolean().default(false) });
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

export const ZReviewFlagInput = z.object({
  messageId: z.uuid("That message does not exist."),
  idempotencyKey: IdempotencyKey,
  reason: z.string().trim().min(3, "Note what you found (at least 3 characters).").max(1_000, "Keep the note under 1,000 characters."),
});
export const ZReviewedFlag = z.object({ messageId: z.string(), reviewedAt: z.date() });
