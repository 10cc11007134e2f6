import { assertNonNegativeMinor, percentOf, type Minor } from "../money/arithmetic";
import { DEFAULT_SETTINGS } from "../settings/defaults";

export interface ClientFee {
  amountMinor: Minor;
  feeMinor: Minor;
  /** What the client's payment method is charged: amount + fee. */
  totalMinor: Minor;
}

/**
 * The client marketplace fee on a milestone funding, an hourly invoice or a bonus (economy.md §3.3):
 * `rateBps` of the amount, rounded half up to the cent, charged on top of it.
 */
export function computeClientFee(input: { amountMinor: Minor; rateBps?: number }): ClientFee {
  const { amountMinor, rateBps = DEFAULT_SETTINGS.clientFeeBps } = input;
  assertNonNegativeMinor(amountMinor, "payment");
  const feeMinor = percentOf(amountMinor, rateBps);
  return { amountMinor, feeMinor, totalMinor: amountMinor + feeMinor };
}
