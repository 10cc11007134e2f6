import { RuleViolation } from "../errors";
import { assertNonNegativeMinor, type Minor } from "../money/arithmetic";
import { accountKey, type AccountRef } from "./accounts";

export const TRANSFER_KINDS = [
  "client_charge",
  "escrow_fund",
  "client_fee",
  "escrow_release",
  "service_fee",
  "escrow_refund",
  "client_fee_refund",
  "client_refund",
  "bonus",
  "payment_refund",
  "service_fee_refund",
  "connects_purchase",
  "membership_payment",
  "pending_cleared",
  "withdrawal",
  "payout_fee",
  "payout_sent",
  "payout_returned",
  "payout_fee_refund",
  "reversal",
] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

/** One immutable movement: `amountMinor` (> 0) leaves `debit` and enters `credit`. */
export interface Transfer {
  debit: AccountRef;
  credit: AccountRef;
  amountMinor: Minor;
  kind: TransferKind;
  memo: string;
}

/** One transfer, or none for a zero amount (a $0 fee moves nothing). */
export function leg(debit: AccountRef, credit: AccountRef, amountMinor: Minor, kind: TransferKind, memo: string): Transfer[] {
  assertNonNegativeMinor(amountMinor, memo);
  return amountMinor === 0n ? [] : [{ debit, credit, amountMinor, kind, memo }];
}

/** The balance change of every account touched: credits − debits, keyed by accountKey. */
export function netEffect(transfers: readonly Transfer[]): Record<string, Minor> {
  const effect: Record<string, Minor> = {};
  for (const transfer of transfers) {
    const debit = accountKey(transfer.debit);
    const credit = accountKey(transfer.credit);
    effect[debit] = (effect[debit] ?? 0n) - transfer.amountMinor;
    effect[credit] = (effect[credit] ?? 0n) + transfer.amountMinor;
  }
  return effect;
}

/**
 * Checks a list of transfers: every amount is a positive bigint between two different accounts,
 * so the balances sum to zero by construction; and every client funding account nets to zero —
 * what a client was charged went exactly to escrow, fees or back to the card.
 */
export function assertBalanced(transfers: readonly Transfer[]): void {
  for (const transfer of transfers) {
    if (typeof transfer.amountMinor !== "bigint" || transfer.amountMinor <= 0n) {
      throw new RuleViolation("LEDGER_TRANSFER_INVALID", "Every transfer moves a positive amount.", { transfer });
    }
    if (accountKey(transfer.debit) === accountKey(transfer.credit)) {
      throw new RuleViolation("LEDGER_TRANSFER_INVALID", "A transfer must move money between two accounts.", { transfer });
    }
  }
  const effect = netEffect(transfers);
  const total = Object.values(effect).reduce((sum, amount) => sum + amount, 0n);
  const openFunding = Object.entries(effect).filter(([key, amount]) => key.startsWith("client_funding:") && amount !== 0n);
  if (total !== 0n || openFunding.length > 0) {
    throw new RuleViolation("LEDGER_UNBALANCED", "The transfers leave money in a client's funding account.", {
      accounts: Object.fromEntries(openFunding),
    });
  }
}
