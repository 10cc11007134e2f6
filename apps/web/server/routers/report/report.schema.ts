import { z } from "zod";

const ZObjectKind = z.enum(["JOB", "PROPOSAL", "MESSAGE", "PROFILE"]);
const ZOutcome = z.enum(["DISMISSED", "REMOVED", "WARNED", "SUSPENDED"]);

export const ZCreatedReport = z.object({
  reportId: z.string(),
  objectKind: ZObjectKind,
  objectId: z.string(),
  reason: z.string(),
  createdAt: z.date(),
  sentence: z.string(),
});

export const ZMyReports = z.array(
  z.object({
    id: z.string(),
    objectKind: ZObjectKind,
    objectId: z.string(),
    object: z.string().nullable(),
    reason: z.string(),
    reasonLabel: z.string(),
    note: z.string(),
    createdAt: z.date(),
    status: z.enum(["OPEN", "RESOLVED"]),
    outcome: z.object({ kind: ZOutcome, words: z.string(), reason: z.string(), at: z.date() }).nullable(),
  }),
);

export const ZReportQueue = z.array(
  z.object({
    objectKind: ZObjectKind,
    objectId: z.string(),
    noun: z.string(),
    title: z.string(),
    text: z.string(),
    href: z.string().nullable(),
    owner: z.object({ id: z.string(), name: z.string(), role: z.string(), suspended: z.boolean(), warnings: z.number().int() }),
    priority: z.number().int(),
    flags: z.array(z.object({ patternId: z.string(), label: z.string() })),
    reports: z.array(
      z.object({
        id: z.string(),
        reporter: z.object({ id: z.string(), name: z.string() }),
        reason: z.string(),
        reasonLabel: z.string(),
        note: z.string(),
        createdAt: z.date(),
      }),
    ),
    firstReportedAt: z.date(),
    actions: z.array(z.object({ action: z.enum(["dismiss", "remove", "warn", "suspend"]), effect: z.string(), available: z.boolean() })),
  }),
);

export const ZResolvedReports = z.object({
  objectKind: ZObjectKind,
  objectId: z.string(),
  outcome: ZOutcome,
  reportsResolved: z.number().int(),
  resolvedAt: z.date(),
});
