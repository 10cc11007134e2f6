import { RuleViolation } from "../errors";
import type { Minor } from "./arithmetic";
import { formatMoney } from "./format";

/** The largest amount a person may type: $10,000,000.00. */
export const MAX_PARSED_MONEY_MINOR: Minor = 1_000_000_000n;

/**
 * The largest amount any one input may carry (a budget, bid, milestone, bonus, rate, threshold or
 * setting): $100,000,000.00. Far below what a BIGINT column or a fee computation could overflow.
 */
export const MAX_AMOUNT_MINOR: Minor = 10_000_000_000n;

// Digits either plain ("1234") or grouped by thousands ("1,234"), then optional cents.
const AMOUNT_PATTERN = /^(\d+|\d{1,3}(?:,\d{3})+)?(?:\.(\d*))?$/;

/**
 * Parses a dollar amount typed by a person into cents: `"12.34"` -> `1234n`, `"$1,234.5"` ->
 * `123450n`. Accepts an optional `$`, thousands commas and up to two decimals (further digits are
 * accepted only when they are zeros). Refuses negatives, exponents, `NaN`, fractions of a cent and
 * anything above `maxMinor` (default $10,000,000), each with its own code.
 */
export function parseMoney(input: string, maxMinor: Minor = MAX_PARSED_MONEY_MINOR): Minor {
  const text = input.trim();
  if (/^[-−]|^\$\s*[-−]/.test(text)) {
    throw new RuleViolation("MONEY_NEGATIVE", "The amount cannot be negative.", { input });
  }
  const unsigned = text.startsWith("$") ? text.slice(1).trimStart() : text;
  const match = AMOUNT_PATTERN.exec(unsigned);
  const wholePart = match?.[1];
  const fractionPart = match?.[2] ?? "";
  if (!match || (wholePart === undefined && fractionPart === "")) {
    throw new RuleViolation("MONEY_INVALID_FORMAT", `"${input}" is not an amount of dollars, like 12.34.`, { input });
  }
  if (/[^0]/.test(fractionPart.slice(2))) {
    throw new RuleViolation("MONEY_FRACTION_OF_CENT", "Amounts are in whole cents: use at most two decimals.", {
      input,
    });
  }
  const dollars = BigInt((wholePart ?? "0").replaceAll(",", ""));
  const cents = BigInt(fractionPart.slice(0, 2).padEnd(2, "0"));
  const amountMinor = dollars * 100n + cents;
  if (amountMinor > maxMinor) {
    throw new RuleViolation("MONEY_TOO_LARGE", `The amount cannot be more than ${formatMoney(maxMinor)}.`, {
      input,
      maxMinor,
    });
  }
  return amountMinor;
}
