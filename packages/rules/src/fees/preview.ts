import { assertNonNegativeMinor, type Minor } from "../money/arithmetic";
import { DEFAULT_SETTINGS } from "../settings/defaults";
import type { FeeSchedule } from "../settings/schemas";
import { assertFeeSchedule, feeBandRanges, rangeHolding, type FeeBandRange } from "./fee-bands";
import { computeServiceFee, type ServiceFee, type ServiceFeeInput } from "./service-fee";

export interface NextBand {
  /** The band lifetime billings with this client are in; `null` for variable schedules. */
  current: FeeBandRange | null;
  /** The band after it, or `null` when the current band is the last (or the schedule is not tiered). */
  next: FeeBandRange | null;
  /** Billing still needed to reach `next`, or `null` when there is no next band. */
  remainingToNextMinor: Minor | null;
}

/**
 * Where lifetime billings with one client stand in a tiered schedule ("next band at $X").
 * Flat schedules have one band and no next; variable schedules set the rate by each payment's
 * size, so lifetime billings put the freelancer in no band (`current: null`).
 */
export function nextBand(input: { priorBilledMinor: Minor; schedule?: FeeSchedule }): NextBand {
  const { priorBilledMinor, schedule = DEFAULT_SETTINGS.feeSchedule } = input;
  assertNonNegativeMinor(priorBilledMinor, "billings so far");
  assertFeeSchedule(schedule);
  if (schedule.model === "variable") return { current: null, next: null, remainingToNextMinor: null };
  const ranges = feeBandRanges(schedule);
  const current = rangeHolding(ranges, priorBilledMinor);
  const next = ranges[current.index + 1] ?? null;
  const remainingToNextMinor = current.toMinor === null ? null : current.toMinor - priorBilledMinor;
  return { current, next, remainingToNextMinor };
}

export interface ServiceFeePreview extends ServiceFee {
  /** Standing with the client before this payment. */
  before: NextBand;
  /** Standing with the client once this payment is billed. */
  after: NextBand;
}

/** Everything the fee preview of economy.md §3.5 shows: gross, fee by band, net, band now and next. */
export function previewServiceFee(input: ServiceFeeInput): ServiceFeePreview {
  const fee = computeServiceFee(input);
  const priorBilledMinor = input.priorBilledMinor ?? 0n;
  return {
    ...fee,
    before: nextBand({ priorBilledMinor, schedule: input.schedule }),
    after: nextBand({ priorBilledMinor: priorBilledMinor + fee.amountMinor, schedule: input.schedule }),
  };
}
