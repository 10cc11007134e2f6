import { RuleViolation } from "../errors";
import { FIELD_TEXT } from "../text/fields";

/** An amount of USD in integer cents. Every money field in Fairlance ends in `Minor`. */
export type Minor = bigint;

/** 1 basis point = 0.01 %; 10_000 bps = 100 %. Rates are whole basis points. */
export const BPS_PER_WHOLE = 10_000;

/**
 * How a division that does not land on a whole cent is settled.
 * - `half_up`: to the nearest cent, exactly half a cent going up (the default everywhere).
 * - `down`: towards zero (never gives more than the exact share).
 * - `up`: away from zero (never gives less than the exact share).
 */
export type Rounding = "half_up" | "down" | "up";

export function assertNonNegativeMinor(amountMinor: Minor, name = "amount"): void {
  if (typeof amountMinor !== "bigint" || amountMinor < 0n) {
    throw new RuleViolation("AMOUNT_NEGATIVE", `The ${name} cannot be negative.`, { name, amountMinor });
  }
}

export function assertPositiveMinor(amountMinor: Minor, name = "amount"): void {
  if (typeof amountMinor !== "bigint" || amountMinor <= 0n) {
    throw new RuleViolation("AMOUNT_NOT_POSITIVE", FIELD_TEXT.amountNotPositive(name), { name, amountMinor });
  }
}

/** `numerator / denominator` for a non-negative numerator and positive denominator, rounded. */
export function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding = "half_up"): bigint {
  if (numerator < 0n || denominator <= 0n) {
    throw new RuleViolation("AMOUNT_NEGATIVE", "Only non-negative amounts can be divided.", {
      numerator,
      denominator,
    });
  }
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n || rounding === "down") return quotient;
  if (rounding === "up") return quotient + 1n;
  return remainder * 2n >= denominator ? quotient + 1n : quotient;
}

export function assertRateBps(rateBps: number, name = "rate"): void {
  if (!Number.isSafeInteger(rateBps) || rateBps < 0 || rateBps > BPS_PER_WHOLE) {
    throw new RuleViolation("FEE_SCHEDULE_INVALID", `The ${name} must be a whole number of basis points from 0 to 10000.`, {
      name,
      rateBps,
    });
  }
}

/** `rateBps` basis points of an amount, rounded once (half up unless told otherwise). */
export function percentOf(amountMinor: Minor, rateBps: number, rounding: Rounding = "half_up"): Minor {
  assertNonNegativeMinor(amountMinor);
  assertRateBps(rateBps);
  return divideRounded(amountMinor * BigInt(rateBps), BigInt(BPS_PER_WHOLE), rounding);
}

export function maxMinor(first: Minor, ...rest: Minor[]): Minor {
  return rest.reduce((largest, amount) => (amount > largest ? amount : largest), first);
}
