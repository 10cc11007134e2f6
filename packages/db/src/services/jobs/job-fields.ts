import { FIELD_TEXT, TEXT_RULES, WHOLE_RULES, boostAuctionClosesAt, jobConnectCost, projectedJobValue, type JobPricing } from "@fairlance/rules";
import { z } from "zod";
import type { ExperienceLevel, JobType, Tx } from "../../client";
import { loadSettings } from "../../settings/load-settings";
import { Amount, DurationDays, Skills, Text, WholeNumber } from "../fields";
import { activityUpdate } from "./shared";

/** The fields a client fills in when posting or editing a job. */
export const JobFields = z.strictObject({
  title: Text(TEXT_RULES.jobTitle),
  description: Text(TEXT_RULES.jobDescription),
  type: z.enum(["FIXED", "HOURLY"], "Choose fixed price or hourly."),
  budgetMinor: Amount("budget").nullish(),
  hourlyMinMinor: Amount("minimum hourly rate").nullish(),
  hourlyMaxMinor: Amount("maximum hourly rate").nullish(),
  estimatedHours: WholeNumber(WHOLE_RULES.estimatedHours).nullish(),
  durationDays: DurationDays,
  experienceLevel: z.enum(["ENTRY", "INTERMEDIATE", "EXPERT"], "Choose an experience level."),
  skills: Skills,
});
export type JobFields = z.output<typeof JobFields>;

/** Fixed-price jobs have a budget; hourly jobs a rate range and estimated hours. */
export function refineJobShape(job: Partial<JobFields>, context: z.RefinementCtx): void {
  const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
  if (job.type === "FIXED") {
    if (job.budgetMinor == null) issue("budgetMinor", "A fixed-price job needs a budget.");
    if (job.hourlyMinMinor != null || job.hourlyMaxMinor != null || job.estimatedHours != null) {
      issue("hourlyMinMinor", "A fixed-price job has a budget, not an hourly range.");
    }
  }
  if (job.type === "HOURLY") {
    if (job.budgetMinor != null) issue("budgetMinor", "An hourly job has an hourly range, not a budget.");
    if (job.hourlyMinMinor == null || job.hourlyMaxMinor == null) issue("hourlyMaxMinor", "An hourly job needs a minimum and a maximum hourly rate.");
    else if (job.hourlyMaxMinor < job.hourlyMinMinor) issue("hourlyMaxMinor", FIELD_TEXT.hourlyRangeInverted);
    if (job.estimatedHours == null) issue("estimatedHours", "An hourly job needs an estimate of the hours.");
  }
}

/** The stored columns of a job's fields (the unused pricing columns cleared). */
export const jobColumns = (job: JobFields) => ({
  title: job.title,
  description: job.description,
  type: job.type as JobType,
  budgetMinor: job.type === "FIXED" ? job.budgetMinor ?? null : null,
  hourlyMinMinor: job.type === "HOURLY" ? job.hourlyMinMinor ?? null : null,
  hourlyMaxMinor: job.type === "HOURLY" ? job.hourlyMaxMinor ?? null : null,
  estimatedHours: job.type === "HOURLY" ? job.estimatedHours ?? null : null,
  durationDays: job.durationDays,
  experienceLevel: job.experienceLevel as ExperienceLevel,
  skills: [...new Set(job.skills)],
});

type PricedJob = Pick<ReturnType<typeof jobColumns>, "type" | "budgetMinor" | "hourlyMaxMinor" | "estimatedHours" | "durationDays">;

/**
 * What publishing fixes on a job (economy.md §2.3): its connect cost from the rate card in force, the
 * settings version it was priced under, and the boost auction's close.
 */
export async function publication(tx: Tx, job: PricedJob, now: Date) {
  const { settings, version } = await loadSettings(tx, now);
  const pricing: JobPricing =
    job.type === "FIXED"
      ? { type: "fixed", budgetMinor: job.budgetMinor ?? 0n }
      : { type: "hourly", maxHourlyRateMinor: job.hourlyMaxMinor ?? 0n, estimatedHours: job.estimatedHours ?? 0 };
  const connectCost = jobConnectCost({
    projectedValueMinor: projectedJobValue(pricing),
    durationDays: job.durationDays,
    rateCard: settings.connectRateCard,
  });
  return {
    status: "OPEN" as const,
    connectCost,
    settingsVersion: version,
    publishedAt: now,
    ...activityUpdate("published", { status: "OPEN" }, now),
    auctionClosesAt: boostAuctionClosesAt({ postedAt: now, settings }),
  };
}

/** What the job services return. */
export interface JobResult {
  jobId: string;
  status: string;
  connectCost: number | null;
  settingsVersion: number | null;
  publishedAt: Date | null;
  auctionClosesAt: Date | null;
}

export const jobResult = (job: { id: string; status: string; connectCost: number | null; settingsVersion: number | null; publishedAt: Date | null; auctionClosesAt: Date | null }): JobResult => ({
  jobId: job.id,
  status: job.status,
  connectCost: job.connectCost,
  settingsVersion: job.settingsVersion,
  publishedAt: job.publishedAt,
  auctionClosesAt: job.auctionClosesAt,
});
