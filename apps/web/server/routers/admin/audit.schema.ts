import { z } from "zod";

export const ZAuditInput = z.strictObject({
  action: z.string().max(100).optional(),
  actor: z.string().max(200).optional(),
  target: z.string().max(200).optional(),
  text: z.string().max(200).optional(),
  page: z.int().min(1).default(1),
});
/** A value of the readable before/after: text, or a date the page formats. */
const ZShown = z.union([z.string(), z.date(), z.null()]);
export const ZAuditPage = z.object({
  rows: z.array(
    z.object({
      id: z.bigint(),
      createdAt: z.date(),
      actor: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
      action: z.string(),
      targetType: z.string(),
      targetId: z.string(),
      before: z.unknown(),
      after: z.unknown(),
      reason: z.string(),
      target: z.object({ kind: z.string(), id: z.string(), label: z.string(), href: z.string().nullable() }),
      summary: z.object({ before: z.string(), after: z.string() }),
      sentence: z.string(),
      changes: z.array(z.object({ label: z.string(), before: ZShown, after: ZShown })),
      facts: z.array(z.object({ label: z.string(), value: ZShown })),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZJobRunsInput = z.strictObject({ status: z.enum(["RUNNING", "SUCCEEDED", "FAILED"]).nullable().default(null) });
export const ZJobRuns = z.object({
  runs: z.array(
    z.object({
      id: z.bigint(),
      task: z.string(),
      now: z.date(),
      attempt: z.number().int(),
      status: z.enum(["RUNNING", "SUCCEEDED", "FAILED"]),
      changes: z.unknown(),
      error: z.string().nullable(),
      workerId: z.string(),
      startedAt: z.date(),
      finishedAt: z.date().nullable(),
    }),
  ),
  failedJobs: z.array(z.object({ task: z.string(), attempts: z.number(), lastError: z.string().nullable(), payload: z.unknown() })),
});
