import { formatMoney } from "../money/format";
import { MAX_AMOUNT_MINOR } from "../money/parse";

/**
 * The sentences a refused field reads, written once: the service schemas (@fairlance/db's
 * services/fields.ts), the rules' own guards and the browser forms all say them through these.
 */
export const FIELD_TEXT = {
  /** "Enter the bonus in cents." — an amount that is not a whole number of cents. */
  amountInCents: (name: string) => `Enter the ${name} in cents.`,
  /** "The bonus must be more than $0.00." */
  amountNotPositive: (name: string) => `The ${name} must be more than $0.00.`,
  /** "The bonus cannot be more than $100,000,000.00." */
  amountTooLarge: (name: string) => `The ${name} cannot be more than ${formatMoney(MAX_AMOUNT_MINOR)}.`,
  /** "Keep it to at most 500 characters." */
  textTooLong: (max: number) => `Keep it to at most ${max.toLocaleString("en-US")} characters.`,
  /** An hourly job whose range is upside down. */
  hourlyRangeInverted: "The maximum hourly rate cannot be below the minimum.",
  /** A weekly limit typed with a fraction or letters. */
  weeklyLimitWholeHours: "Enter the weekly limit as whole hours.",
  /** "Give the milestone a title." */
  milestoneTitleMissing: "Give the milestone a title.",
  /** "Milestone titles are at most 200 characters." */
  milestoneTitleTooLong: (max: number) => `Milestone titles are at most ${max.toLocaleString("en-US")} characters.`,
} as const;
