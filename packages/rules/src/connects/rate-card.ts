import { RuleViolation } from "../errors";
import { assertNonNegativeMinor, type Minor } from "../money/arithmetic";
import { DEFAULT_SETTINGS } from "../settings/defaults";
import type { RateCard, RateCardTier } from "../settings/schemas";

export type JobPricing =
  | { type: "fixed"; budgetMinor: Minor }
  | { type: "hourly"; maxHourlyRateMinor: Minor; estimatedHours: number };

/** The value the rate card prices (economy.md §2.3): the fixed budget, or max hourly rate × hours. */
export function projectedJobValue(job: JobPricing): Minor {
  if (job.type === "fixed") {
    assertNonNegativeMinor(job.budgetMinor, "budget");
    return job.budgetMinor;
  }
  assertNonNegativeMinor(job.maxHourlyRateMinor, "hourly rate");
  if (!Number.isSafeInteger(job.estimatedHours) || job.estimatedHours < 0) {
    throw new RuleViolation("HOURS_INVALID", "Estimated hours must be a whole number of hours.", {
      estimatedHours: job.estimatedHours,
    });
  }
  return job.maxHourlyRateMinor * BigInt(job.estimatedHours);
}

/** Tiers include their upper edge: "up to $50" holds $50.00, "$50 to $600" starts at $50.01. */
export function rateCardTier(rateCard: RateCard, projectedValueMinor: Minor): RateCardTier {
  assertNonNegativeMinor(projectedValueMinor, "projected value");
  const tier = rateCard.tiers.find((candidate) => candidate.upToMinor === null || projectedValueMinor <= candidate.upToMinor);
  if (!tier) throw new RuleViolation("SETTING_INVALID_VALUE", "The rate card has no open-ended last tier.");
  return tier;
}

/**
 * The connects a proposal to a job costs, fixed when the job is published (economy.md §2.3). A job
 * lasting at most the tier's `shortMaxDays` whole days costs its `shortConnects`: with the
 * default card, 1 day (≤ $50), 6 days (≤ $600, "under a week") and 29 days ("under a month").
 */
export function jobConnectCost(input: { projectedValueMinor: Minor; durationDays: number; rateCard?: RateCard }): number {
  const { projectedValueMinor, durationDays, rateCard = DEFAULT_SETTINGS.connectRateCard } = input;
  if (!Number.isSafeInteger(durationDays) || durationDays < 1) {
    throw new RuleViolation("JOB_DURATION_INVALID", "A job lasts at least one whole day.", { durationDays });
  }
  const tier = rateCardTier(rateCard, projectedValueMinor);
  return durationDays <= tier.shortMaxDays ? tier.shortConnects : tier.connects;
}

export interface ProposalConnectCost {
  baseConnects: number;
  boostConnects: number;
  totalConnects: number;
}

/** What submitting costs: the job's cost (0 for an invitation) plus any boost bid. */
export function proposalConnectCost(input: { jobConnectCost: number; boostConnects?: number; invited?: boolean }): ProposalConnectCost {
  const { boostConnects = 0, invited = false } = input;
  for (const [name, value] of [["job cost", input.jobConnectCost], ["boost", boostConnects]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RuleViolation("CONNECTS_AMOUNT_INVALID", `The ${name} must be a whole number of connects.`, { value });
    }
  }
  const baseConnects = invited ? 0 : input.jobConnectCost;
  return { baseConnects, boostConnects, totalConnects: baseConnects + boostConnects };
}

export interface RateCardImpact {
  jobId: string;
  beforeConnects: number;
  afterConnects: number;
}

/** What each of today's open jobs would cost under a proposed rate card (economy.md §6). */
export function rateCardImpact(input: {
  jobs: readonly { jobId: string; projectedValueMinor: Minor; durationDays: number }[];
  before: RateCard;
  after: RateCard;
}): RateCardImpact[] {
  return input.jobs.map((job) => ({
    jobId: job.jobId,
    beforeConnects: jobConnectCost({ ...job, rateCard: input.before }),
    afterConnects: jobConnectCost({ ...job, rateCard: input.after }),
  }));
}
