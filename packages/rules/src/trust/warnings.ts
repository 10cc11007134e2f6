import { BPS_PER_WHOLE, divideRounded, type Minor } from "../money/arithmetic";
import { formatMoney } from "../money/format";

/**
 * Warnings before a person commits (economy.md §12): not refusals. The amount is allowed; it is only
 * unusual enough that a slip (a missing zero, a rate typed as a total) is likelier than intent, so
 * the form says so beside the field, and the person may go ahead.
 */
export interface FormWarning {
  code: "BID_BELOW_BUDGET_SHARE" | "BID_BELOW_RATE_SHARE" | "BID_BELOW_FLOOR" | "WITHDRAWAL_FEE_SHARE";
  sentence: string;
}

/**
 * When a bid looks implausibly small (economy.md §12.1):
 * - under a quarter of a fixed-price job's budget (a bid is the price of the whole job: $100 on a
 *   $1,000 job is more often a slip than an offer);
 * - under half of an hourly job's lowest rate (the client said what they expect to pay per hour);
 * - under $5.00 whatever the job (the default smallest milestone: a fixed-price bid below it cannot
 *   even be hired as one milestone, and no hourly rate is that small on purpose).
 */
export const BID_WARNING = { budgetShareBps: 2_500, hourlyRateShareBps: 5_000, floorMinor: 500n } as const;

export interface JobBudget {
  type: "FIXED" | "HOURLY";
  budgetMinor: Minor | null;
  hourlyMinMinor: Minor | null;
}

/** The warning for a bid (fixed price: the whole amount; hourly: the rate), or null when it looks like a real offer. */
export function bidWarning(bidMinor: Minor, job: JobBudget): FormWarning | null {
  if (bidMinor <= 0n) return null; // not a bid at all: the form refuses it
  if (job.type === "FIXED" && job.budgetMinor !== null && bidMinor * BigInt(BPS_PER_WHOLE) < job.budgetMinor * BigInt(BID_WARNING.budgetShareBps)) {
    return {
      code: "BID_BELOW_BUDGET_SHARE",
      sentence: `${formatMoney(bidMinor)} is under a quarter of the client's ${formatMoney(job.budgetMinor)} budget. Your bid is what you are paid for the whole job: check the amount before you send it.`,
    };
  }
  if (job.type === "HOURLY" && job.hourlyMinMinor !== null && bidMinor * BigInt(BPS_PER_WHOLE) < job.hourlyMinMinor * BigInt(BID_WARNING.hourlyRateShareBps)) {
    return {
      code: "BID_BELOW_RATE_SHARE",
      sentence: `${formatMoney(bidMinor)} an hour is under half the client's lowest rate of ${formatMoney(job.hourlyMinMinor)}. Your rate is what you are paid for each hour: check it before you send it.`,
    };
  }
  if (bidMinor < BID_WARNING.floorMinor) {
    return {
      code: "BID_BELOW_FLOOR",
      sentence: `${formatMoney(bidMinor)}${job.type === "HOURLY" ? " an hour" : ""} is a very small bid. Check the amount before you send it.`,
    };
  }
  return null;
}

/**
 * When a withdrawal's fee takes a large part of it (economy.md §12.2): 20% or more of the amount, so
 * that what reaches the person is at most 80% of what leaves Available ($10.00 to PayPal with its
 * $2.00 fee pays $8.00; $100.00 by wire with its $30.00 fee pays $70.00).
 */
export const WITHDRAWAL_WARNING = { feeShareBps: 2_000 } as const;

/** The warning for a withdrawal of `amountMinor` whose method charges `feeMinor`, or null. Amounts the rules refuse (not above the fee) get none. */
export function withdrawalWarning({ amountMinor, feeMinor }: { amountMinor: Minor; feeMinor: Minor }): FormWarning | null {
  if (amountMinor <= 0n || feeMinor <= 0n || amountMinor <= feeMinor) return null;
  if (feeMinor * BigInt(BPS_PER_WHOLE) < amountMinor * BigInt(WITHDRAWAL_WARNING.feeShareBps)) return null;
  const percent = divideRounded(feeMinor * 100n, amountMinor);
  return {
    code: "WITHDRAWAL_FEE_SHARE",
    sentence: `The ${formatMoney(feeMinor)} fee takes ${percent}% of this withdrawal: ${formatMoney(amountMinor - feeMinor)} of the ${formatMoney(amountMinor)} reaches you. Withdrawing more at once, or by a method with a smaller fee, loses less.`,
  };
}
