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
const ZFlaggedMessage = z.object({
  id: z.string(),
  body: z.string(),
  createdAt: z.date(),
  reviewedAt: z.date().nullable(),
  flags: z.array(z.object({ patternId: z.string(), label: z.string() })),
  shieldWarning: z.string().nullable(),
  sender: ZPerson.extend({ suspendedAt: z.date().nullable(), warnings: z.number().int() }),
  recipient: ZPerson,
  conversation: z.object({ kind: z.enum(["proposal", "contract"]), id: z.string(), title: z.string() }),
  context: z.array(z.object({ id: z.string(), senderName: z.string(), body: z.string(), createdAt: z.date(), removed: z.boolean() })),
  removed: z.object({ at: z.date(), reason: z.string() }).nullable(),
  warning: z.object({ at: z.date(), reason: z.string() }).nullable(),
});
export const ZFlaggedQueue = z.object({ waiting: z.array(ZFlaggedMessage), reviewed: z.array(ZFlaggedMessage) });

export const ZReviewedFlag = z.object({ messageId: z.string(), reviewedAt: z.date() });
export const ZRemovedMessage = z.object({ messageId: z.string(), removedAt: z.date(), reviewedAt: z.date().nullable() });
export const ZSenderWarning = z.object({ warningId: z.string(), userId: z.string(), messageId: z.string(), createdAt: z.date(), warnings: z.number().int() });
export const ZSuspendedSender = z.object({ userId: z.string(), suspendedAt: z.date().nullable(), suspendedReason: z.string().nullable(), messageId: z.string() });
