import { createHash } from "node:crypto";
import type { CardDetails, CardTokenResult, GatewayResult, PaymentGateway, PayoutDestination } from "./gateway";

/**
 * Test cards, like a payment provider's: the number decides what happens.
 * Any future expiry and any 3-digit CVC work.
 */
export const SANDBOX_CARDS = {
  succeeds: "4242424242424242",
  declines: "4000000000000002",
  requiresVerification: "4000002500003155",
  insufficientFunds: "4000000000009995",
} as const;
/** The code that completes a sandbox card verification. */
export const SANDBOX_VERIFICATION_CODE = "123456";
/** Payout accounts ending in these digits fail, like a closed bank account. */
export const SANDBOX_FAILING_PAYOUT_SUFFIX = "0000";

type Behaviour = "succeeds" | "declines" | "requires_verification" | "insufficient_funds";

const BEHAVIOUR_BY_NUMBER: Record<string, Behaviour> = {
  [SANDBOX_CARDS.succeeds]: "succeeds",
  [SANDBOX_CARDS.declines]: "declines",
  [SANDBOX_CARDS.requiresVerification]: "requires_verification",
  [SANDBOX_CARDS.insufficientFunds]: "insufficient_funds",
};

const luhnValid = (digits: string) =>
  digits
    .split("")
    .reverse()
    .reduce((sum, char, index) => {
      let digit = Number(char);
      if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      return sum + digit;
    }, 0) %
    10 ===
  0;

const brandOf = (digits: string) => (digits.startsWith("4") ? "Visa" : /^5[1-5]/.test(digits) ? "Mastercard" : /^3[47]/.test(digits) ? "Amex" : "Card");

/**
 * A deterministic in-memory-free sandbox: card refs encode the card's
 * behaviour, and outcomes are functions of their inputs, so replaying a call
 * with the same idempotency key gives the same outcome in any process.
 * `failNext` simulates an outage of one operation for tests.
 */
export class SandboxGateway implements PaymentGateway {
  private failures = new Map<string, number>();

  /** The next `times` calls of `operation` fail as if the provider were down. */
  failNext(operation: "charge" | "refund" | "payout", times = 1) {
    this.failures.set(operation, (this.failures.get(operation) ?? 0) + times);
  }

  private outage(operation: string): GatewayResult | null {
    const left = this.failures.get(operation) ?? 0;
    if (left <= 0) return null;
    this.failures.set(operation, left - 1);
    return { ok: false, reason: "The payment provider did not answer. Nothing was charged; try again in a moment.", retryable: true };
  }

  async tokenizeCard(card: CardDetails): Promise<CardTokenResult> {
    const digits = card.number.replace(/[\s-]/g, "");
    if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) return { ok: false, reason: "The card number is not valid." };
    if (!Number.isInteger(card.expMonth) || card.expMonth < 1 || card.expMonth > 12) return { ok: false, reason: "The expiry month is not valid." };
    if (!/^\d{3,4}$/.test(card.cvc)) return { ok: false, reason: "The security code (CVC) is not valid." };
    const behaviour = BEHAVIOUR_BY_NUMBER[digits] ?? "succeeds";
    const fingerprint = createHash("sha256").update(digits).digest("hex").slice(0, 12);
    return {
      ok: true,
      ref: `card_${behaviour}_${fingerprint}`,
      brand: brandOf(digits),
      last4: digits.slice(-4),
      requiresVerification: behaviour === "requires_verification",
    };
  }

  async verifyCard(ref: string, code: string): Promise<GatewayResult> {
    if (code.trim() !== SANDBOX_VERIFICATION_CODE) return { ok: false, reason: "That verification code is not right." };
    return { ok: true, ref };
  }

  async charge(input: { cardRef: string; amountMinor: bigint; idempotencyKey: string; description: string }): Promise<GatewayResult> {
    const outage = this.outage("charge");
    if (outage) return outage;
    if (input.amountMinor <= 0n) return { ok: false, reason: "A charge must be positive." };
    if (input.cardRef.startsWith("card_declines_")) return { ok: false, reason: "The card was declined by its bank." };
    if (input.cardRef.startsWith("card_insufficient_funds_")) return { ok: false, reason: "The card was declined: insufficient funds." };
    return { ok: true, ref: `ch_${createHash("sha256").update(input.idempotencyKey).digest("hex").slice(0, 20)}` };
  }

  async refund(input: { chargeRef: string; amountMinor: bigint; idempotencyKey: string }): Promise<GatewayResult> {
    const outage = this.outage("refund");
    if (outage) return outage;
    return { ok: true, ref: `re_${createHash("sha256").update(input.idempotencyKey).digest("hex").slice(0, 20)}` };
  }

  async registerPayoutDestination(destination: PayoutDestination): Promise<GatewayResult> {
    if (destination.account.trim().length < 4) return { ok: false, reason: "Enter the full account (at least 4 characters)." };
    const fails = destination.account.trim().endsWith(SANDBOX_FAILING_PAYOUT_SUFFIX);
    return { ok: true, ref: `po_${fails ? "fails" : "ok"}_${createHash("sha256").update(destination.account).digest("hex").slice(0, 12)}` };
  }

  async payout(input: { destinationRef: string; amountMinor: bigint; idempotencyKey: string }): Promise<GatewayResult> {
    const outage = this.outage("payout");
    if (outage) return outage;
    if (input.destinationRef.startsWith("po_fails_")) return { ok: false, reason: "The bank returned the payout: the account is closed." };
    return { ok: true, ref: `tr_${createHash("sha256").update(input.idempotencyKey).digest("hex").slice(0, 20)}` };
  }
}

let defaultGateway: PaymentGateway | undefined;
/** The gateway the app uses: the sandbox, until a real provider is configured. */
export const getGateway = (): PaymentGateway => (defaultGateway ??= new SandboxGateway());
