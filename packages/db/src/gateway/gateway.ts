/**
 * The payment provider, as the services see it. The sandbox below is the
 * default; a real provider implements the same port and is passed to the
 * services instead. Every call takes an idempotency key: calling again with
 * the same key returns the first outcome and moves no money twice.
 */
export interface CardDetails {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

export type CardTokenResult =
  | { ok: true; ref: string; brand: string; last4: string; requiresVerification: boolean }
  | { ok: false; reason: string };

/** `retryable`: the provider did not answer (nothing happened); the same call may be retried with the same key. */
export type GatewayResult = { ok: true; ref: string } | { ok: false; reason: string; retryable?: boolean };

export interface PayoutDestination {
  kind: "ACH" | "LOCAL_BANK" | "PAYPAL" | "INSTANT" | "WIRE";
  account: string;
}

/** One thing the provider did: a charge, a refund (of `chargeRef`) or a payout. */
export interface GatewayActivity {
  kind: "CHARGE" | "REFUND" | "PAYOUT";
  ref: string;
  amountMinor: bigint;
  /** The charge a refund gives back (null for charges and payouts). */
  chargeRef: string | null;
  /** When the provider did it, by the provider's clock. */
  createdAt: Date;
}

export interface GatewayActivityPage {
  items: GatewayActivity[];
  /** Pass it back for the next page; null after the last. */
  nextCursor: string | null;
}

export interface PaymentGateway {
  /** Stores a card and says whether it needs the holder's verification before use. */
  tokenizeCard(card: CardDetails): Promise<CardTokenResult>;
  /** Completes verification (the sandbox's micro-deposit or 3-D Secure stand-in). */
  verifyCard(ref: string, code: string): Promise<GatewayResult>;
  charge(input: { cardRef: string; amountMinor: bigint; idempotencyKey: string; description: string }): Promise<GatewayResult>;
  refund(input: { chargeRef: string; amountMinor: bigint; idempotencyKey: string }): Promise<GatewayResult>;
  /** Registers a payout destination (bank account, PayPal email…). */
  registerPayoutDestination(destination: PayoutDestination): Promise<GatewayResult>;
  payout(input: { destinationRef: string; amountMinor: bigint; idempotencyKey: string }): Promise<GatewayResult>;
  /**
   * Everything the provider did for the marketplace (successful charges, refunds and payouts; a
   * declined or failed call is not activity), oldest first, a page at a time, for reconciliation
   * (services/payments/reconcile-gateway.ts). What a real adapter must provide: its provider's
   * list API (balance transactions, charges + refunds + payouts) mapped to these items, each once,
   * in a stable order, with amounts in the same minor units as the calls, and an opaque cursor
   * that resumes after the last item even while new activity arrives.
   */
  listActivity(input: { cursor: string | null; limit: number }): Promise<GatewayActivityPage>;
}
