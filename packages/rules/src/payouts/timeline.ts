import { RuleViolation } from "../errors";
import { DEFAULT_SETTINGS } from "../settings/defaults";
import type { MarketplaceSettings } from "../settings/settings";
import { addDays, assertValidDate, startOfUtcWeek } from "../time";

/**
 * Every deadline is an exclusive instant: something "due at T" may happen once `now >= T`, and a
 * window "open until T" is open while `now < T`.
 */

/** Submitted work is approved automatically when the 14-day review window ends (economy.md §3.3). */
export function autoApprovalAt(
  submittedAt: Date,
  settings: Pick<MarketplaceSettings, "reviewWindowDays"> = DEFAULT_SETTINGS,
): Date {
  return addDays(submittedAt, settings.reviewWindowDays);
}

export function isAutoApprovalDue(
  submittedAt: Date,
  now: Date,
  settings: Pick<MarketplaceSettings, "reviewWindowDays"> = DEFAULT_SETTINGS,
): boolean {
  return now.getTime() >= autoApprovalAt(submittedAt, settings).getTime();
}

/** Released money stays pending for the security period, then becomes available (economy.md §4). */
export function availableAt(
  releasedAt: Date,
  settings: Pick<MarketplaceSettings, "securityPeriodDays"> = DEFAULT_SETTINGS,
): Date {
  return addDays(releasedAt, settings.securityPeriodDays);
}

export interface HourlyWeekSchedule {
  /** Monday 00:00 UTC. */
  weekStartsAt: Date;
  /** The next Monday 00:00 UTC (exclusive: the week includes Sunday 23:59:59.999). */
  weekEndsAt: Date;
  /** The week is invoiced on the Monday after it, at 00:00 UTC. */
  invoiceAt: Date;
  /** Saturday 00:00 UTC after the invoice: the client can dispute until the end of Friday UTC. */
  disputeDeadline: Date;
  /** Undisputed, the invoice is released at the dispute deadline. */
  releaseAt: Date;
  /** …and the released money is available after the security period. */
  availableAt: Date;
}

/** The calendar of the hourly week holding `date` (economy.md §3.4). */
export function hourlyWeekSchedule(
  date: Date,
  settings: Pick<MarketplaceSettings, "securityPeriodDays"> = DEFAULT_SETTINGS,
): HourlyWeekSchedule {
  assertValidDate(date);
  const weekStartsAt = startOfUtcWeek(date);
  const weekEndsAt = addDays(weekStartsAt, 7);
  const disputeDeadline = addDays(weekEndsAt, 5);
  return {
    weekStartsAt,
    weekEndsAt,
    invoiceAt: weekEndsAt,
    disputeDeadline,
    releaseAt: disputeDeadline,
    availableAt: availableAt(disputeDeadline, settings),
  };
}

export function isDisputeWindowOpen(weekStartsAt: Date, now: Date): boolean {
  const schedule = hourlyWeekSchedule(weekStartsAt);
  return now.getTime() >= schedule.invoiceAt.getTime() && now.getTime() < schedule.disputeDeadline.getTime();
}

export function assertDisputeWindowOpen(weekStartsAt: Date, now: Date): void {
  if (!isDisputeWindowOpen(weekStartsAt, now)) {
    throw new RuleViolation("DISPUTE_WINDOW_CLOSED", "This week's invoice can only be disputed from the Monday after it until the end of Friday (UTC).", {
      disputeDeadline: hourlyWeekSchedule(weekStartsAt).disputeDeadline,
    });
  }
}

export function isHourlyReleaseDue(weekStartsAt: Date, now: Date): boolean {
  return now.getTime() >= hourlyWeekSchedule(weekStartsAt).releaseAt.getTime();
}
