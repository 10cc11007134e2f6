import { RuleViolation } from "../errors";
import { assertNonNegativeMinor, assertPositiveMinor, type Minor } from "../money/arithmetic";
import type { ConnectPurchaseSource } from "../connects/bundles";
import type { AccountRef } from "./accounts";
import { leg, type Transfer } from "./transfers";

const available = (userId: string): AccountRef => ({ kind: "freelancer_available", userId });
const clearing = (userId: string): AccountRef => ({ kind: "freelancer_payout_clearing", userId });
const PAYOUT_FEES: AccountRef = { kind: "platform_revenue", revenue: "payout_fee" };

/** Buying connects, wholly by card or wholly from Available earnings (economy.md §2.1). */
export function connectsPurchaseEntries(input: {
  freelancerId: string;
  connects: number;
  priceMinor: Minor;
  source: ConnectPurchaseSource;
}): Transfer[] {
  const { freelancerId, connects, priceMinor, source } = input;
  assertPositiveMinor(priceMinor, "price");
  const from: AccountRef = source === "card" ? { kind: "card_gateway" } : available(freelancerId);
  return leg(from, { kind: "platform_revenue", revenue: "connect_sales" }, priceMinor, "connects_purchase", `${connects} connects bought by ${freelancerId}`);
}

/** A Freelancer Plus cycle paid by card. */
export function membershipPaymentEntries(input: { freelancerId: string; priceMinor: Minor; cycleStartsAt: Date }): Transfer[] {
  assertPositiveMinor(input.priceMinor, "price");
  const day = input.cycleStartsAt.toISOString().slice(0, 10);
  return leg({ kind: "card_gateway" }, { kind: "platform_revenue", revenue: "membership" }, input.priceMinor, "membership_payment", `Freelancer Plus for ${input.freelancerId} from ${day}`);
}

/** Pending money that finished its security period becomes available. */
export function clearPendingEntries(input: { freelancerId: string; amountMinor: Minor }): Transfer[] {
  assertPositiveMinor(input.amountMinor);
  return leg({ kind: "freelancer_pending", userId: input.freelancerId }, available(input.freelancerId), input.amountMinor, "pending_cleared", "Security period over: now available");
}

/** A withdrawal of `amountMinor` from Available: the method fee to revenue, the net on its way out. */
export function withdrawalEntries(input: { freelancerId: string; amountMinor: Minor; feeMinor: Minor }): Transfer[] {
  const { freelancerId, amountMinor, feeMinor } = input;
  assertPositiveMinor(amountMinor);
  assertNonNegativeMinor(feeMinor, "fee");
  if (feeMinor >= amountMinor) {
    throw new RuleViolation("WITHDRAWAL_NOT_ABOVE_FEE", "A withdrawal must be larger than its fee.", { amountMinor, feeMinor });
  }
  return [
    ...leg(available(freelancerId), clearing(freelancerId), amountMinor - feeMinor, "withdrawal", "Withdrawal to payout method"),
    ...leg(available(freelancerId), PAYOUT_FEES, feeMinor, "payout_fee", "Payout method fee"),
  ];
}

/** The payout provider confirmed the money left. */
export function payoutSettledEntries(input: { freelancerId: string; netMinor: Minor }): Transfer[] {
  assertPositiveMinor(input.netMinor);
  return leg(clearing(input.freelancerId), { kind: "payout_gateway" }, input.netMinor, "payout_sent", "Paid out to payout method");
}

/** The payout failed: the net and the fee go back to Available. */
export function payoutFailedEntries(input: { freelancerId: string; netMinor: Minor; feeMinor: Minor }): Transfer[] {
  const { freelancerId, netMinor, feeMinor } = input;
  assertPositiveMinor(netMinor);
  return [
    ...leg(clearing(freelancerId), available(freelancerId), netMinor, "payout_returned", "Payout failed: returned to Available"),
    ...leg(PAYOUT_FEES, available(freelancerId), feeMinor, "payout_fee_refund", "Payout failed: fee returned"),
  ];
}
