import type { Minor } from "../money/arithmetic";
import { DEFAULT_SETTINGS } from "../settings/defaults";
import type { PayoutMethodKind } from "../settings/schemas";
import type { MarketplaceSettings } from "../settings/settings";
import { addDays, assertValidDate, lastWeekdayOfUtcMonth, nthWeekdayOfUtcMonth, startOfUtcDay, WEEKDAY } from "../time";
import { payoutMethodFee, smallestNet } from "./withdrawals";

/**
 * Automatic withdrawal schedules (economy.md §4), all on Wednesdays, run at 00:00 UTC:
 * - weekly: every Wednesday;
 * - twice_monthly: the 1st and 3rd Wednesday of each month;
 * - monthly: the last Wednesday of each month;
 * - quarterly: the last Wednesday of March, June, September and December.
 */
export const AUTO_WITHDRAWAL_SCHEDULES = ["weekly", "twice_monthly", "monthly", "quarterly"] as const;
export type AutoWithdrawalSchedule = (typeof AUTO_WITHDRAWAL_SCHEDULES)[number];

const QUARTER_END_MONTHS = new Set([2, 5, 8, 11]);

export function isAutoWithdrawalDay(schedule: AutoWithdrawalSchedule, date: Date): boolean {
  const day = startOfUtcDay(date);
  if (day.getUTCDay() !== WEEKDAY.wednesday) return false;
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth();
  const same = (other: Date) => other.getTime() === day.getTime();
  switch (schedule) {
    case "weekly":
      return true;
    case "twice_monthly":
      return same(nthWeekdayOfUtcMonth(year, month, WEEKDAY.wednesday, 1)) || same(nthWeekdayOfUtcMonth(year, month, WEEKDAY.wednesday, 3));
    case "monthly":
      return same(lastWeekdayOfUtcMonth(year, month, WEEKDAY.wednesday));
    case "quarterly":
      return QUARTER_END_MONTHS.has(month) && same(lastWeekdayOfUtcMonth(year, month, WEEKDAY.wednesday));
  }
}

/** The first run instant (00:00 UTC of a run day) strictly after `now`. */
export function nextAutoWithdrawalDate(schedule: AutoWithdrawalSchedule, now: Date): Date {
  assertValidDate(now, "current time");
  let day = addDays(startOfUtcDay(now), 1);
  while (!isAutoWithdrawalDay(schedule, day)) day = addDays(day, 1);
  return day;
}

/** The last run instant (00:00 UTC of a run day) at or before `now`. */
function latestAutoWithdrawalDate(schedule: AutoWithdrawalSchedule, now: Date): Date {
  let day = startOfUtcDay(now);
  while (!isAutoWithdrawalDay(schedule, day)) day = addDays(day, -1);
  return day;
}

export interface AutoWithdrawalNextRun {
  /**
   * The run the runner performs next: the first run instant after `settledThrough` at which the
   * payout method is usable. This is the run that pays (when the balance allows): none before it does.
   */
  runAt: Date;
  /** `runAt` has come (`now >= runAt`): the runner's next tick performs it. */
  due: boolean;
  /**
   * What `settledThrough` becomes once this run is performed: the latest run instant at or
   * before `now` when due (runs missed while nothing ran are one run, never several), else `runAt`.
   */
  settlesThrough: Date;
  /** The payout method's waiting days pushed the run past the schedule's next run instant: the page says so. */
  waitsForMethod: boolean;
}

/**
 * The one answer to "when does the next automatic withdrawal run" (economy.md §4), for the runner
 * and for the page alike. `settledThrough` is the instant up to which runs are settled: when the
 * schedule was saved (a run at or before the moment of saving never happens: saving on a Wednesday
 * afternoon waits for the next run day), or the last run performed. `methodUsableAt` is when the
 * schedule's payout method is past its waiting days (`payoutMethodUsableAt`): a run instant before it
 * is not a run (a method usable from Wednesday 09:00 misses that Wednesday's 00:00 run). The next run
 * is the first run instant strictly after `settledThrough` and at or after `methodUsableAt`; it is
 * due once `now` reaches it.
 */
export function nextAutoWithdrawalRun(input: { schedule: AutoWithdrawalSchedule; settledThrough: Date; now: Date; methodUsableAt?: Date | null }): AutoWithdrawalNextRun {
  assertValidDate(input.settledThrough, "last settled run");
  assertValidDate(input.now, "current time");
  const bySchedule = nextAutoWithdrawalDate(input.schedule, input.settledThrough);
  const usableAt = input.methodUsableAt ?? null;
  if (usableAt) assertValidDate(usableAt, "payout method usable from");
  // The first run instant at or after `usableAt` is the first one strictly after the millisecond before it.
  const runAt = usableAt && usableAt.getTime() > bySchedule.getTime() ? nextAutoWithdrawalDate(input.schedule, new Date(usableAt.getTime() - 1)) : bySchedule;
  const due = input.now.getTime() >= runAt.getTime();
  return { runAt, due, settlesThrough: due ? latestAutoWithdrawalDate(input.schedule, input.now) : runAt, waitsForMethod: runAt.getTime() !== bySchedule.getTime() };
}

/**
 * Available money older than the max age: credits to Available are spent oldest first, so the
 * `debitedMinor` taken out of Available so far is removed from the oldest credits.
 */
export function agedAvailableMinor(input: {
  credits: readonly { amountMinor: Minor; availableAt: Date }[];
  debitedMinor: Minor;
  now: Date;
  settings?: Pick<MarketplaceSettings, "autoWithdrawalMaxAgeDays">;
}): Minor {
  const { now, settings = DEFAULT_SETTINGS } = input;
  const cutoff = addDays(now, -settings.autoWithdrawalMaxAgeDays).getTime();
  let debitLeft = input.debitedMinor;
  let aged = 0n;
  for (const credit of [...input.credits].sort((a, b) => a.availableAt.getTime() - b.availableAt.getTime())) {
    const used = debitLeft < credit.amountMinor ? debitLeft : credit.amountMinor;
    debitLeft -= used;
    if (credit.availableAt.getTime() <= cutoff) aged += credit.amountMinor - used;
  }
  return aged;
}

export type AutoWithdrawalReason = "threshold_met" | "aged_balance" | "below_threshold" | "nothing_available" | "not_above_fee" | "net_below_minimum";

export interface AutoWithdrawalDecision {
  payout: boolean;
  reason: AutoWithdrawalReason;
  amountMinor: Minor;
  feeMinor: Minor;
  netMinor: Minor;
  thresholdMinor: Minor;
}

/**
 * Whether a scheduled run pays out: the whole available balance when it reaches the threshold
 * (the freelancer's, never below the settings floor); otherwise only the money older than the max
 * age. The method fee comes out of the amount, and nothing is sent unless the amount exceeds it and
 * what is left is at least the smallest useful payout (`minWithdrawalNetMinor`, economy.md §4).
 */
export function autoWithdrawalDecision(input: {
  availableMinor: Minor;
  agedMinor: Minor;
  freelancerThresholdMinor: Minor;
  methodKind: PayoutMethodKind;
  settings?: Pick<MarketplaceSettings, "autoWithdrawalMinimumThresholdMinor" | "payoutMethodFeesMinor" | "minWithdrawalNetMinor">;
}): AutoWithdrawalDecision {
  const { availableMinor, agedMinor, settings = DEFAULT_SETTINGS } = input;
  const floor = settings.autoWithdrawalMinimumThresholdMinor;
  const thresholdMinor = input.freelancerThresholdMinor > floor ? input.freelancerThresholdMinor : floor;
  const feeMinor = payoutMethodFee(input.methodKind, settings);
  const none = (reason: AutoWithdrawalReason): AutoWithdrawalDecision => ({
    payout: false,
    reason,
    amountMinor: 0n,
    feeMinor: 0n,
    netMinor: 0n,
    thresholdMinor,
  });
  if (availableMinor <= 0n) return none("nothing_available");
  const [reason, amountMinor]: [AutoWithdrawalReason, Minor] = availableMinor >= thresholdMinor
    ? ["threshold_met", availableMinor]
    : agedMinor > 0n
      ? ["aged_balance", agedMinor < availableMinor ? agedMinor : availableMinor]
      : ["below_threshold", 0n];
  if (amountMinor === 0n) return none(reason);
  if (amountMinor <= feeMinor) return none("not_above_fee");
  if (amountMinor - feeMinor < smallestNet(settings)) return none("net_below_minimum");
  return { payout: true, reason, amountMinor, feeMinor, netMinor: amountMinor - feeMinor, thresholdMinor };
}
