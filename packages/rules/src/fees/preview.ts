import { RuleViolation } from "../errors";
import { assertNonNegativeMinor, type Minor } from "../money/arithmetic";
import { DEFAULT_SETTINGS } from "../settings/defaults";
import type { FeeSchedule } from "../settings/schemas";
import { assertFeeSchedule, feeBandRanges, rangeHolding, type FeeBandRange } from "./fee-bands";
import { computeServiceFee, type FeeBandPart, type ServiceFee, type ServiceFeeInput } from "./service-fee";

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

/** One payment of a sequence, previewed after the ones before it. */
export interface SequencedPayment extends ServiceFee {
  /** Lifetime billings with the client before this payment: what was billed before plus the payments before it in the sequence. */
  priorBilledMinor: Minor;
  /** Standing with the client once this payment is billed. */
  after: NextBand;
}

export interface PaymentSequencePreview {
  payments: SequencedPayment[];
  grossMinor: Minor;
  feeMinor: Minor;
  netMinor: Minor;
  /** The fee of the whole sequence by band (each band's parts and fees summed over the payments). */
  bands: FeeBandPart[];
  /** The split between the payments changes when they are released in another order (the total does not, except under a variable schedule, where it never changes either). */
  splitDependsOnOrder: boolean;
  before: NextBand;
  after: NextBand;
}

/**
 * A sequence of payments (a contract's milestones) previewed the way they will be billed
 * (economy.md §3.5): in order, each after the lifetime billings with the client and the payments
 * before it, by band. Released in this order, each payment is charged exactly its line here; the
 * total is one number for the contract.
 */
export function previewPaymentSequence(input: { priorBilledMinor?: Minor; amountsMinor: readonly Minor[]; schedule?: FeeSchedule }): PaymentSequencePreview {
  const { priorBilledMinor = 0n, amountsMinor, schedule = DEFAULT_SETTINGS.feeSchedule } = input;
  let billed = priorBilledMinor;
  const payments = amountsMinor.map((amountMinor): SequencedPayment => {
    const fee = computeServiceFee({ priorBilledMinor: billed, amountMinor, schedule });
    const prior = billed;
    billed += amountMinor;
    return { ...fee, priorBilledMinor: prior, after: nextBand({ priorBilledMinor: billed, schedule }) };
  });
  const byBand = new Map<number, FeeBandPart>();
  for (const band of payments.flatMap((payment) => payment.bands)) {
    const sum = byBand.get(band.index);
    byBand.set(band.index, sum ? { ...sum, partMinor: sum.partMinor + band.partMinor, feeMinor: sum.feeMinor + band.feeMinor } : { ...band });
  }
  const grossMinor = payments.reduce((sum, payment) => sum + payment.amountMinor, 0n);
  const feeMinor = payments.reduce((sum, payment) => sum + payment.feeMinor, 0n);
  const positive = amountsMinor.filter((amount) => amount > 0n);
  const splitDependsOnOrder = schedule.model === "tiered" && schedule.bands.length > 1 && new Set(positive).size > 1;
  return {
    payments,
    grossMinor,
    feeMinor,
    netMinor: grossMinor - feeMinor,
    bands: [...byBand.values()].sort((a, b) => a.index - b.index),
    splitDependsOnOrder,
    before: nextBand({ priorBilledMinor, schedule }),
    after: nextBand({ priorBilledMinor: billed, schedule }),
  };
}

/**
 * An hourly contract's full week (economy.md §3.4, §3.5): the hourly rate × the weekly limit,
 * previewed by band after the lifetime billings with the client. A week with fewer hours bills less.
 */
export function previewHourlyWeek(input: { priorBilledMinor?: Minor; hourlyRateMinor: Minor; weeklyLimitHours: number; schedule?: FeeSchedule }): ServiceFeePreview & { weeklyLimitHours: number } {
  assertNonNegativeMinor(input.hourlyRateMinor, "hourly rate");
  if (!Number.isInteger(input.weeklyLimitHours) || input.weeklyLimitHours < 0) {
    throw new RuleViolation("HOURS_INVALID", "The weekly limit must be a whole number of hours.", { weeklyLimitHours: input.weeklyLimitHours });
  }
  const amountMinor = input.hourlyRateMinor * BigInt(input.weeklyLimitHours);
  return { ...previewServiceFee({ priorBilledMinor: input.priorBilledMinor, amountMinor, schedule: input.schedule }), weeklyLimitHours: input.weeklyLimitHours };
}
