import { RuleViolation } from "../errors";
import { assertNonNegativeMinor, assertPositiveMinor, type Minor } from "../money/arithmetic";
import type { AccountRef, EscrowRef } from "./accounts";
import { leg, type Transfer } from "./transfers";

const CARD: AccountRef = { kind: "card_gateway" };
const revenue = (kind: "service_fee" | "client_fee"): AccountRef => ({ kind: "platform_revenue", revenue: kind });
const funding = (userId: string): AccountRef => ({ kind: "client_funding", userId });
const pending = (userId: string): AccountRef => ({ kind: "freelancer_pending", userId });

function escrowName(escrow: EscrowRef): string {
  return escrow.kind === "escrow_milestone" ? `milestone ${escrow.milestoneId}` : `hourly invoice ${escrow.invoiceId}`;
}

function assertFeeWithin(amountMinor: Minor, feeMinor: Minor): void {
  assertPositiveMinor(amountMinor);
  assertNonNegativeMinor(feeMinor, "fee");
  if (feeMinor > amountMinor) {
    throw new RuleViolation("FEE_EXCEEDS_AMOUNT", "A fee cannot be larger than the payment it is taken from.", { amountMinor, feeMinor });
  }
}

/**
 * Funding a milestone or invoicing an hourly week (economy.md §3.3, §3.4): the client's card is charged
 * amount + client fee; the amount goes to escrow, the fee to revenue.
 */
export function fundEscrowEntries(input: { clientId: string; escrow: EscrowRef; amountMinor: Minor; clientFeeMinor: Minor }): Transfer[] {
  const { clientId, escrow, amountMinor, clientFeeMinor } = input;
  assertPositiveMinor(amountMinor);
  assertNonNegativeMinor(clientFeeMinor, "client fee");
  const name = escrowName(escrow);
  return [
    ...leg(CARD, funding(clientId), amountMinor + clientFeeMinor, "client_charge", `Card charge for ${name}`),
    ...leg(funding(clientId), escrow, amountMinor, "escrow_fund", `Escrow for ${name}`),
    ...leg(funding(clientId), revenue("client_fee"), clientFeeMinor, "client_fee", `Client fee on ${name}`),
  ];
}

/** Releasing escrow (approval): the service fee goes to revenue, the net to the freelancer's pending. */
export function releaseEscrowEntries(input: { escrow: EscrowRef; freelancerId: string; amountMinor: Minor; serviceFeeMinor: Minor }): Transfer[] {
  const { escrow, freelancerId, amountMinor, serviceFeeMinor } = input;
  assertFeeWithin(amountMinor, serviceFeeMinor);
  const name = escrowName(escrow);
  return [
    ...leg(escrow, pending(freelancerId), amountMinor - serviceFeeMinor, "escrow_release", `Payment for ${name}, after service fee`),
    ...leg(escrow, revenue("service_fee"), serviceFeeMinor, "service_fee", `Service fee on ${name}`),
  ];
}

/**
 * Refunding escrow to the client. The client fee charged with it is refunded too: the client
 * paid it for a payment that never happened. Everything goes back to the card.
 */
export function refundEscrowEntries(input: { clientId: string; escrow: EscrowRef; amountMinor: Minor; clientFeeMinor: Minor }): Transfer[] {
  const { clientId, escrow, amountMinor, clientFeeMinor } = input;
  assertPositiveMinor(amountMinor);
  assertNonNegativeMinor(clientFeeMinor, "client fee");
  const name = escrowName(escrow);
  return [
    ...leg(escrow, funding(clientId), amountMinor, "escrow_refund", `Refund of ${name}`),
    ...leg(revenue("client_fee"), funding(clientId), clientFeeMinor, "client_fee_refund", `Client fee refunded on ${name}`),
    ...leg(funding(clientId), CARD, amountMinor + clientFeeMinor, "client_refund", `Card refund for ${name}`),
  ];
}

/** A bonus (economy.md §3.6): charged directly to the card with the client fee; carries the service fee. */
export function bonusEntries(input: {
  clientId: string;
  freelancerId: string;
  contractId: string;
  amountMinor: Minor;
  clientFeeMinor: Minor;
  serviceFeeMinor: Minor;
}): Transfer[] {
  const { clientId, freelancerId, contractId, amountMinor, clientFeeMinor, serviceFeeMinor } = input;
  assertFeeWithin(amountMinor, serviceFeeMinor);
  assertNonNegativeMinor(clientFeeMinor, "client fee");
  const name = `bonus on contract ${contractId}`;
  return [
    ...leg(CARD, funding(clientId), amountMinor + clientFeeMinor, "client_charge", `Card charge for ${name}`),
    ...leg(funding(clientId), pending(freelancerId), amountMinor - serviceFeeMinor, "bonus", `${name}, after service fee`),
    ...leg(funding(clientId), revenue("service_fee"), serviceFeeMinor, "service_fee", `Service fee on ${name}`),
    ...leg(funding(clientId), revenue("client_fee"), clientFeeMinor, "client_fee", `Client fee on ${name}`),
  ];
}

/** Hourly names for the same movements: an invoice is escrow held for one week of work. */
export function hourlyInvoiceEntries(input: { clientId: string; invoiceId: string; amountMinor: Minor; clientFeeMinor: Minor }): Transfer[] {
  return fundEscrowEntries({ ...input, escrow: { kind: "escrow_hourly_invoice", invoiceId: input.invoiceId } });
}

export function releaseHourlyInvoiceEntries(input: { invoiceId: string; freelancerId: string; amountMinor: Minor; serviceFeeMinor: Minor }): Transfer[] {
  return releaseEscrowEntries({ ...input, escrow: { kind: "escrow_hourly_invoice", invoiceId: input.invoiceId } });
}

export function refundHourlyInvoiceEntries(input: { clientId: string; invoiceId: string; amountMinor: Minor; clientFeeMinor: Minor }): Transfer[] {
  return refundEscrowEntries({ ...input, escrow: { kind: "escrow_hourly_invoice", invoiceId: input.invoiceId } });
}
