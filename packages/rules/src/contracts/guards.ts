import { RuleViolation } from "../errors";
import { divideRounded, type Minor } from "../money/arithmetic";
import { formatMoney } from "../money/format";
import { DEFAULT_SETTINGS } from "../settings/defaults";
import type { MarketplaceSettings } from "../settings/settings";
import { addDays } from "../time";
import type { ContractStatus, JobStatus } from "./lifecycles";

/** A milestone is at least $5 (economy.md §3.1). */
export function assertMilestoneAmount(
  amountMinor: Minor,
  settings: Pick<MarketplaceSettings, "milestoneMinimumMinor"> = DEFAULT_SETTINGS,
): void {
  if (amountMinor < settings.milestoneMinimumMinor) {
    throw new RuleViolation("MILESTONE_BELOW_MINIMUM", `A milestone must be at least ${formatMoney(settings.milestoneMinimumMinor)}.`, {
      amountMinor,
      minimumMinor: settings.milestoneMinimumMinor,
    });
  }
}

/** One proposal per freelancer per job, only on open jobs, at most 50 per job (economy.md §2.3, §2.4). */
export function assertCanSubmitProposal(input: {
  jobStatus: JobStatus;
  alreadyProposed: boolean;
  proposalCount: number;
  settings?: Pick<MarketplaceSettings, "maxProposalsPerJob">;
}): void {
  const { settings = DEFAULT_SETTINGS } = input;
  if (input.jobStatus !== "open") {
    throw new RuleViolation("JOB_NOT_OPEN", "This job is not taking proposals.", { jobStatus: input.jobStatus });
  }
  if (input.alreadyProposed) {
    throw new RuleViolation("DUPLICATE_PROPOSAL", "You have already sent a proposal for this job.");
  }
  if (input.proposalCount >= settings.maxProposalsPerJob) {
    throw new RuleViolation("PROPOSAL_CAP_REACHED", `This job already has ${settings.maxProposalsPerJob} proposals.`, {
      proposalCount: input.proposalCount,
      maxProposalsPerJob: settings.maxProposalsPerJob,
    });
  }
}

/** An open job expires 30 days after its last activity (economy.md §3.1; what counts: jobs/interactions.ts). */
export function jobExpiresAt(lastActivityAt: Date, settings: Pick<MarketplaceSettings, "jobExpiryDays"> = DEFAULT_SETTINGS): Date {
  return addDays(lastActivityAt, settings.jobExpiryDays);
}

/** The last activity at or before which an open job is due to expire at `now` (the runner's scan). */
export function jobIdleCutoff(now: Date, settings: Pick<MarketplaceSettings, "jobExpiryDays"> = DEFAULT_SETTINGS): Date {
  return addDays(now, -settings.jobExpiryDays);
}

/** An open job is due to expire once its expiry has come, unless an offer on it waits for an answer (economy.md §3.7). */
export function isJobExpiryDue(
  job: { status: JobStatus; lastActivityAt: Date; offerWaiting?: boolean },
  now: Date,
  settings: Pick<MarketplaceSettings, "jobExpiryDays"> = DEFAULT_SETTINGS,
): boolean {
  return job.status === "open" && !job.offerWaiting && now.getTime() >= jobExpiresAt(job.lastActivityAt, settings).getTime();
}

/**
 * What a job's client is told about its expiry: the moment it expires unless there is activity, or
 * why it does not (an offer waits for an answer; it is not open). The same rule the runner applies.
 */
export function jobExpiryOutlook(
  job: { status: JobStatus; lastActivityAt: Date | null; offerWaiting: boolean },
  settings: Pick<MarketplaceSettings, "jobExpiryDays"> = DEFAULT_SETTINGS,
): { expiresAt: Date | null; held: "offer_waiting" | "not_open" | null } {
  if (job.status !== "open" || !job.lastActivityAt) return { expiresAt: null, held: "not_open" };
  if (job.offerWaiting) return { expiresAt: null, held: "offer_waiting" };
  return { expiresAt: jobExpiresAt(job.lastActivityAt, settings), held: null };
}

/** An offer expires `offerExpiryDays` (7) days after it is sent (economy.md §3.7); the contract stores the moment. */
export function offerExpiresAt(offeredAt: Date, settings: Pick<MarketplaceSettings, "offerExpiryDays"> = DEFAULT_SETTINGS): Date {
  return addDays(offeredAt, settings.offerExpiryDays);
}

/** "2026-11-27 at 14:00 UTC": a moment in a sentence, in the marketplace's time zone. */
export function formatUtcMoment(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} at ${iso.slice(11, 16)} UTC`;
}

/**
 * An offer can be answered until its expiry (economy.md §3.7), even before the runner has marked it
 * expired: from that moment on accepting (and funding or adding to it) is refused.
 */
export function assertOfferOpen(offer: { status: ContractStatus; expiresAt: Date | null }, now: Date): void {
  if (offer.status === "offered" && offer.expiresAt !== null && now.getTime() >= offer.expiresAt.getTime()) {
    throw new RuleViolation("CONTRACT_TRANSITION_NOT_ALLOWED", `This offer expired on ${formatUtcMoment(offer.expiresAt)}; ask the client to send a new one.`, {
      entity: "contract",
      state: "expired",
      expiresAt: offer.expiresAt,
    });
  }
}

function assertWholeTime(value: number, name: string, unit: "minutes" | "hours" = "minutes"): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RuleViolation("HOURS_INVALID", `The ${name} must be a whole number of ${unit}.`, { [name]: value });
  }
}

/** Logged time stays within the contract's weekly limit (economy.md §3.4); time counts in minutes. */
export function assertWithinWeeklyLimit(input: { loggedMinutes: number; addMinutes: number; weeklyLimitHours: number }): void {
  assertWholeTime(input.loggedMinutes, "time logged");
  assertWholeTime(input.addMinutes, "time added");
  assertWholeTime(input.weeklyLimitHours, "weekly limit", "hours");
  const limitMinutes = input.weeklyLimitHours * 60;
  if (input.loggedMinutes + input.addMinutes > limitMinutes) {
    throw new RuleViolation("WEEKLY_LIMIT_EXCEEDED", `This week is limited to ${input.weeklyLimitHours} hours.`, {
      ...input,
      remainingMinutes: Math.max(0, limitMinutes - input.loggedMinutes),
    });
  }
}

/** The amount of logged minutes at an hourly rate, rounded half up to the cent. */
export function hourlyAmount(input: { minutes: number; hourlyRateMinor: Minor }): Minor {
  assertWholeTime(input.minutes, "time logged");
  return divideRounded(input.hourlyRateMinor * BigInt(input.minutes), 60n);
}

/** Bonuses (economy.md §3.6) and new milestones need an active contract. */
export function assertContractActive(status: ContractStatus): void {
  if (status !== "active") {
    throw new RuleViolation("CONTRACT_NOT_ACTIVE", "This can only be done on an active contract.", { status });
  }
}
