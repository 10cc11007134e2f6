import { parseMoney, formatMoney, RuleViolation } from "@fairlance/rules";

export { formatMoney };

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
