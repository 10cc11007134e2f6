import { parseMoney, formatMoney as formatUnsigned, RuleViolation } from "@fairlance/rules";

/**
 * The one formatter for amounts on the pages: "$1,234.56", and a negative amount with a true minus
 * sign, "−$500.00" (not a hyphen). `Money` and every sentence use it.
 */
export function formatMoney(minor: bigint): string {
  return minor < 0n ? `−${formatUnsigned(-minor)}` : formatUnsigned(minor);
}

/** A proposal's bid or an offer's price: the amount of a fixed-price job, the rate of an hourly one ("$50.00/hr"). */
export const formatBid = (minor: bigint, jobType: "FIXED" | "HOURLY") => (jobType === "HOURLY" ? `${formatMoney(minor)}/hr` : formatMoney(minor));

/** A typed dollar amount → cents, or the reason it is not an amount. */
export function readMoney(input: string): { ok: true; minor: bigint } | { ok: false; error: string } {
  try {
    return { ok: true, minor: parseMoney(input) };
  } catch (error) {
    return { ok: false, error: error instanceof RuleViolation ? error.message : "Enter an amount like 12.50." };
  }
}
