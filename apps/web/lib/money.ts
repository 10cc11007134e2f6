import { parseMoney, formatMoney, RuleViolation } from "@fairlance/rules";

export { formatMoney };

/** A typed dollar amount → cents, or the reason it is not an amount. */
export function readMoney(input: string): { ok: true; minor: bigint } | { ok: false; error: string } {
  try {
    return { ok: true, minor: parseMoney(input) };
  } catch (error) {
    return { ok: false, error: error instanceof RuleViolation ? error.message : "Enter an amount like 12.50." };
  }
}
