import { RuleViolation } from "../errors";

export const REVENUE_KINDS = ["service_fee", "client_fee", "connect_sales", "membership", "payout_fee"] as const;
export type RevenueKind = (typeof REVENUE_KINDS)[number];

/**
 * The accounts of the money ledger. Sign convention: an account's balance is its credits minus
 * its debits. Money the platform holds for someone (escrow, pending, available, revenue) is
 * positive; the two external accounts, where money enters from cards and leaves to payout
 * methods, mirror it and go negative, so the sum of all balances is always zero.
 */
export type AccountRef =
  /** External: client and freelancer card payments come in here, card refunds go back out. */
  | { kind: "card_gateway" }
  /** External: withdrawals leave here to the freelancers' payout methods. */
  | { kind: "payout_gateway" }
  /** A client's charges pass through here: it is back to zero after every money event. */
  | { kind: "client_funding"; userId: string }
  | { kind: "escrow_milestone"; milestoneId: string }
  | { kind: "escrow_hourly_invoice"; invoiceId: string }
  | { kind: "freelancer_pending"; userId: string }
  | { kind: "freelancer_available"; userId: string }
  /** Withdrawn from Available, on its way to the payout method. */
  | { kind: "freelancer_payout_clearing"; userId: string }
  | { kind: "platform_revenue"; revenue: RevenueKind };

export type AccountKind = AccountRef["kind"];
export type EscrowRef = Extract<AccountRef, { kind: "escrow_milestone" | "escrow_hourly_invoice" }>;

/** The part after the kind in an account key, or null for the single external accounts. */
function accountOwner(ref: AccountRef): string | null {
  switch (ref.kind) {
    case "card_gateway":
    case "payout_gateway":
      return null;
    case "escrow_milestone":
      return ref.milestoneId;
    case "escrow_hourly_invoice":
      return ref.invoiceId;
    case "platform_revenue":
      return ref.revenue;
    default:
      return ref.userId;
  }
}

/** A stable string for storage and maps: `freelancer_available:u_1`, `card_gateway`. */
export function accountKey(ref: AccountRef): string {
  const owner = accountOwner(ref);
  return owner === null ? ref.kind : `${ref.kind}:${owner}`;
}

function invalidKey(key: string): RuleViolation {
  return new RuleViolation("LEDGER_ACCOUNT_KEY_INVALID", `"${key}" is not a ledger account.`, { key });
}

export function parseAccountKey(key: string): AccountRef {
  const separator = key.indexOf(":");
  const kind = separator === -1 ? key : key.slice(0, separator);
  const owner = separator === -1 ? null : key.slice(separator + 1);
  if (owner === null) {
    if (kind === "card_gateway" || kind === "payout_gateway") return { kind };
    throw invalidKey(key);
  }
  if (owner === "") throw invalidKey(key);
  switch (kind) {
    case "client_funding":
    case "freelancer_pending":
    case "freelancer_available":
    case "freelancer_payout_clearing":
      return { kind, userId: owner };
    case "escrow_milestone":
      return { kind, milestoneId: owner };
    case "escrow_hourly_invoice":
      return { kind, invoiceId: owner };
    case "platform_revenue":
      if ((REVENUE_KINDS as readonly string[]).includes(owner)) return { kind, revenue: owner as RevenueKind };
      throw invalidKey(key);
    default:
      throw invalidKey(key);
  }
}

/** Only the external accounts may go below zero (economy.md §7.3). */
export function isExternalAccount(ref: AccountRef): boolean {
  return ref.kind === "card_gateway" || ref.kind === "payout_gateway";
}
