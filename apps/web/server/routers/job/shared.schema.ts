import { z } from "zod";
import { Id } from "@fairlance/db/services";

export const ZJobStatus = z.enum(["DRAFT", "OPEN", "HIRED", "CLOSED", "EXPIRED", "REMOVED"]);
export const ZJobType = z.enum(["FIXED", "HOURLY"]);
export const ZExperienceLevel = z.enum(["ENTRY", "INTERMEDIATE", "EXPERT"]);
export const ZProposalStatus = z.enum(["SUBMITTED", "VIEWED", "SHORTLISTED", "INTERVIEWING", "OFFERED", "HIRED", "DECLINED", "WITHDRAWN", "CLOSED"]);

/** The fields of a job as freelancers and its client see them. */
export const ZJobFields = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  type: ZJobType,
  status: ZJobStatus,
  budgetMinor: z.bigint().nullable(),
  hourlyMinMinor: z.bigint().nullable(),
  hourlyMaxMinor: z.bigint().nullable(),
  estimatedHours: z.number().int().nullable(),
  durationDays: z.number().int(),
  experienceLevel: ZExperienceLevel,
  skills: z.array(z.string()),
  publishedAt: z.date().nullable(),
  proposalCount: z.number().int(),
});

/** What the job services return after posting, publishing or editing. */
export const ZJobResult = z.object({
  jobId: z.string(),
  status: z.string(),
  connectCost: z.number().int().nullable(),
  settingsVersion: z.number().int().nullable(),
  publishedAt: z.date().nullable(),
  auctionClosesAt: z.date().nullable(),
});

/** A job the caller names (read inputs: the operations take their own inputs from the services). */
export const ZJobRef = z.strictObject({ jobId: Id("job") });

/** When a job expires unless there is activity (economy.md §3.1), or why it does not. */
export const ZJobExpiry = z.object({ expiresAt: z.date().nullable(), held: z.enum(["offer_waiting", "not_open"]).nullable() });
