import { RuleViolation } from "../errors";
import { BPS_PER_WHOLE, divideRounded, type Minor } from "../money/arithmetic";
import { FeeScheduleSchema, type FeeSchedule } from "../settings/schemas";

/** One band of a fee schedule as a range of billings: `[fromMinor, toMinor)`, `null` = unbounded. */
export interface FeeBandRange {
  index: number;
  fromMinor: Minor;
  toMinor: Minor | null;
  rateBps: number;
}

export function assertFeeSchedule(schedule: FeeSchedule): void {
  const result = FeeScheduleSchema.safeParse(schedule);
  if (!result.success) {
    throw new RuleViolation("FEE_SCHEDULE_INVALID", "The fee schedule is not valid.", {
      issues: result.error.issues.map((issue) => issue.message),
    });
  }
}

export function feeBandRanges(schedule: FeeSchedule): FeeBandRange[] {
  if (schedule.model === "flat") return [{ index: 0, fromMinor: 0n, toMinor: null, rateBps: schedule.rateBps }];
  let fromMinor = 0n;
  return schedule.bands.map((band, index) => {
    const range = { index, fromMinor, toMinor: band.upToMinor, rateBps: band.rateBps };
    fromMinor = band.upToMinor ?? fromMinor;
    return range;
  });
}

export function isInRange(range: FeeBandRange, amountMinor: Minor): boolean {
  return amountMinor >= range.fromMinor && (range.toMinor === null || amountMinor < range.toMinor);
}

/** The range holding `amountMinor` (a valid schedule always has one: its last band is open). */
export function rangeHolding(ranges: readonly FeeBandRange[], amountMinor: Minor): FeeBandRange {
  const range = ranges.find((candidate) => isInRange(candidate, amountMinor));
  if (!range) throw new RuleViolation("FEE_SCHEDULE_INVALID", "No band of the fee schedule holds this amount.", { amountMinor });
  return range;
}

/**
 * F(b) of economy.md §3.5: the fee on lifetime billings `b`, summed exactly over the bands (in
 * cent·basis-points) and rounded half up to the cent once, at the end.
 */
export function lifetimeFee(ranges: readonly FeeBandRange[], billedMinor: Minor): Minor {
  let exact = 0n;
  for (const range of ranges) {
    const end = range.toMinor === null || billedMinor < range.toMinor ? billedMinor : range.toMinor;
    if (end > range.fromMinor) exact += (end - range.fromMinor) * BigInt(range.rateBps);
  }
  return divideRounded(exact, BigInt(BPS_PER_WHOLE));
}
