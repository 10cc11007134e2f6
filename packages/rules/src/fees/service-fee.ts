import { RuleViolation } from "../errors";
import { assertNonNegativeMinor, percentOf, type Minor } from "../money/arithmetic";
import { DEFAULT_SETTINGS } from "../settings/defaults";
import type { FeeSchedule } from "../settings/schemas";
import { assertFeeSchedule, feeBandRanges, lifetimeFee, rangeHolding, type FeeBandRange } from "./fee-bands";

/** The part of one payment that fell in one band, and that part's fee. */
export interface FeeBandPart extends FeeBandRange {
  partMinor: Minor;
  feeMinor: Minor;
}

export interface ServiceFee {
  amountMinor: Minor;
  feeMinor: Minor;
  netMinor: Minor;
  bands: FeeBandPart[];
}

export interface ServiceFeeInput {
  /** Lifetime gross billings between this freelancer and this client before this payment. */
  priorBilledMinor?: Minor;
  amountMinor: Minor;
  /** The schedule in force when the contract started; defaults to DEFAULT_SETTINGS.feeSchedule. */
  schedule?: FeeSchedule;
}

/**
 * The freelancer service fee of one payment (economy.md §3.5).
 *
 * Tiered and flat: fee = F(prior + amount) − F(prior). Each band's fee is F(end) − F(start) over
 * the slice of the payment in that band, so the band fees add up to the fee exactly and each is
 * within a cent of its exact share. Variable: the band holding the payment's own size sets one
 * rate for the whole payment, rounded half up; lifetime billings do not matter.
 */
export function computeServiceFee(input: ServiceFeeInput): ServiceFee {
  const { priorBilledMinor = 0n, amountMinor, schedule = DEFAULT_SETTINGS.feeSchedule } = input;
  assertNonNegativeMinor(priorBilledMinor, "billings so far");
  assertNonNegativeMinor(amountMinor, "payment");
  assertFeeSchedule(schedule);
  const ranges = feeBandRanges(schedule);
  const bands = amountMinor === 0n ? [] : schedule.model === "variable"
    ? [variablePart(ranges, amountMinor)]
    : lifetimeParts(ranges, priorBilledMinor, amountMinor);
  const feeMinor = bands.reduce((total, band) => total + band.feeMinor, 0n);
  return { amountMinor, feeMinor, netMinor: amountMinor - feeMinor, bands };
}

function variablePart(ranges: readonly FeeBandRange[], amountMinor: Minor): FeeBandPart {
  // A band's upper edge belongs to it here ("payments up to $500"), so look up amount − 1 cent.
  const range = rangeHolding(ranges, amountMinor - 1n);
  return { ...range, partMinor: amountMinor, feeMinor: percentOf(amountMinor, range.rateBps) };
}

function lifetimeParts(ranges: readonly FeeBandRange[], priorMinor: Minor, amountMinor: Minor): FeeBandPart[] {
  const endMinor = priorMinor + amountMinor;
  const parts: FeeBandPart[] = [];
  for (const range of ranges) {
    const start = priorMinor > range.fromMinor ? priorMinor : range.fromMinor;
    const end = range.toMinor !== null && range.toMinor < endMinor ? range.toMinor : endMinor;
    if (end <= start) continue;
    const feeMinor = lifetimeFee(ranges, end) - lifetimeFee(ranges, start);
    parts.push({ ...range, partMinor: end - start, feeMinor });
  }
  return parts;
}

export interface ServiceFeeRefundInput {
  /** Lifetime billings with this client before the refund (the refund is taken off them). */
  priorBilledMinor: Minor;
  refundMinor: Minor;
  schedule?: FeeSchedule;
  /** Variable schedules only: the refunded payment and what was refunded of it before. */
  payment?: { amountMinor: Minor; refundedMinor: Minor };
}

export interface ServiceFeeRefund {
  refundMinor: Minor;
  /** Fee the platform gives back. */
  feeRefundMinor: Minor;
  /** What comes out of the freelancer's earnings: refund − fee given back. */
  netRefundMinor: Minor;
  bands: FeeBandPart[];
}

/**
 * The service fee given back when a released payment is refunded. Refunds reduce lifetime
 * billings, so for tiered and flat schedules it is F(prior) − F(prior − refund). For variable
 * schedules it is the payment's own rate applied the same way inside that payment, so partial
 * refunds of one payment give back, in total, exactly the fee it was charged.
 */
export function computeServiceFeeRefund(input: ServiceFeeRefundInput): ServiceFeeRefund {
  const { priorBilledMinor, refundMinor, schedule = DEFAULT_SETTINGS.feeSchedule, payment } = input;
  assertNonNegativeMinor(refundMinor, "refund");
  if (refundMinor > priorBilledMinor) {
    throw new RuleViolation("FEE_REFUND_EXCEEDS_BILLINGS", "A refund cannot be larger than what was billed.", {
      priorBilledMinor,
      refundMinor,
    });
  }
  const fee = schedule.model === "variable"
    ? variableRefund(schedule, refundMinor, payment)
    : computeServiceFee({ priorBilledMinor: priorBilledMinor - refundMinor, amountMinor: refundMinor, schedule });
  return { refundMinor, feeRefundMinor: fee.feeMinor, netRefundMinor: refundMinor - fee.feeMinor, bands: fee.bands };
}

function variableRefund(schedule: FeeSchedule, refundMinor: Minor, payment: ServiceFeeRefundInput["payment"]): ServiceFee {
  if (!payment) {
    throw new RuleViolation("FEE_REFUND_NEEDS_PAYMENT", "Say which payment is refunded: its fee depended on its size.");
  }
  const remainingMinor = payment.amountMinor - payment.refundedMinor;
  if (payment.refundedMinor < 0n || refundMinor > remainingMinor) {
    throw new RuleViolation("FEE_REFUND_EXCEEDS_BILLINGS", "A refund cannot be larger than what is left of the payment.", {
      ...payment,
      refundMinor,
    });
  }
  const [band] = computeServiceFee({ amountMinor: payment.amountMinor, schedule }).bands;
  const rateBps = band?.rateBps ?? 0;
  const feeMinor = percentOf(remainingMinor, rateBps) - percentOf(remainingMinor - refundMinor, rateBps);
  const bands = band && refundMinor > 0n ? [{ ...band, partMinor: refundMinor, feeMinor }] : [];
  return { amountMinor: refundMinor, feeMinor, netMinor: refundMinor - feeMinor, bands };
}
