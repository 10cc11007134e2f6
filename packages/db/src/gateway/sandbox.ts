import { createHash } from "node:crypto";
import { getPrisma, type PrismaClient } from "../client";
import { dbEnv } from "../env";
import type { CardDetails, CardTokenResult, GatewayActivity, GatewayActivityPage, GatewayResult, PaymentGateway, PayoutDestination } from "./gateway";

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

/** What the sandbox did, as a provider's books: written once per ref (a replay under the same key writes nothing). */
export interface SandboxBooks {
  record(entry: GatewayActivity & { idempotencyKey: string }): Promise<void>;
  page(input: { cursor: string | null; limit: number }): Promise<GatewayActivityPage>;
}

/** Books in this process's memory: a test's own gateway. */
export class MemoryBooks implements SandboxBooks {
  private readonly entries: GatewayActivity[] = [];
  async record({ idempotencyKey: _key, ...entry }: GatewayActivity & { idempotencyKey: string }) {
    if (!this.entries.some((e) => e.ref === entry.ref)) this.entries.push(entry);
  }
  async page({ cursor, limit }: { cursor: string | null; limit: number }) {
    const start = cursor === null ? 0 : Number(cursor);
    const items = this.entries.slice(start, start + limit);
    return { items, nextCursor: start + items.length < this.entries.length ? String(start + items.length) : null };
  }
}

/**
 * Books in the marketplace's database (SandboxGatewayEntry), so the web server, the runner and
 * the seed, each with its own sandbox, are one provider whose list shows all they did.
 */
export class DatabaseBooks implements SandboxBooks {
  constructor(private readonly prisma: () => PrismaClient) {}
  async record(entry: GatewayActivity & { idempotencyKey: string }) {
    const { ref, kind, amountMinor, chargeRef, idempotencyKey } = entry;
    await this.prisma().sandboxGatewayEntry.createMany({ data: [{ ref, kind, amountMinor, chargeRef, idempotencyKey }], skipDuplicates: true });
  }
  async page({ cursor, limit }: { cursor: string | null; limit: number }) {
    // The cursor is the last item's (createdAt, ref): keyset paging, stable while entries arrive.
    const [at, ref] = cursor === null ? [null, null] : [new Date(cursor.slice(0, cursor.indexOf("|"))), cursor.slice(cursor.indexOf("|") + 1)];
    const rows = await this.prisma().sandboxGatewayEntry.findMany({
      where: at ? { OR: [{ createdAt: { gt: at } }, { createdAt: at, ref: { gt: ref! } }] } : {},
      orderBy: [{ createdAt: "asc" }, { ref: "asc" }],
      take: limit,
    });
    const items = rows.map((row) => ({ kind: row.kind as GatewayActivity["kind"], ref: row.ref, amountMinor: row.amountMinor, chargeRef: row.chargeRef, createdAt: row.createdAt }));
    const last = items.at(-1);
    return { items, nextCursor: items.length === limit && last ? `${last.createdAt.toISOString()}|${last.ref}` : null };
  }
}

const NO_ANSWER = "The payment provider did not answer. Nothing was charged; try again in a moment.";

/**
 * A deterministic sandbox: card refs encode the card's behaviour, and outcomes are functions of
 * their inputs, so replaying a call with the same idempotency key gives the same outcome (and the
 * same ref) in any process. What it did is kept in its books (memory by default; the app's
 * sandbox keeps them in the database) for `listActivity`. `failNext` simulates an outage of one
 * operation for tests.
 */
export class SandboxGateway implements PaymentGateway {
  private failures = new Map<string, number>();
  private readonly books: SandboxBooks;

  constructor(options: { books?: SandboxBooks } = {}) {
    this.books = options.books ?? new MemoryBooks();
  }

  /**
   * Writes what was done in the books. The outcome stays the deterministic one whatever happens to
   * the books (the sandbox's charges must not depend on its bookkeeping): books that cannot be
   * written (the process's DATABASE_URL is not the database the services use, as in a test run
   * against an outside server) are reported on the console, and reconciliation then shows the
   * unlisted charges as orphans.
   */
  private async done(entry: Omit<GatewayActivity, "createdAt"> & { idempotencyKey: string }): Promise<GatewayResult> {
    try {
      await this.books.record({ ...entry, createdAt: new Date() });
    } catch (error) {
      if (!this.warned) console.warn(`[sandbox gateway] could not write its books (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); reconciliation will not list this activity.`);
      this.warned = true;
    }
    return { ok: true, ref: entry.ref };
  }
  private warned = false;

  async listActivity(input: { cursor: string | null; limit: number }): Promise<GatewayActivityPage> {
    return this.books.page(input);
  }

  /** The next `times` calls of `operation` fail as if the provider were down. */
  failNext(operation: "charge" | "refund" | "payout", times = 1) {
    this.failures.set(operation, (this.failures.get(operation) ?? 0) + times);
  }

  private outage(operation: string): GatewayResult | null {
    const left = this.failures.get(operation) ?? 0;
    if (left <= 0) return null;
    this.failures.set(operation, left - 1);
    return { ok: false, reason: NO_ANSWER, retryable: true };
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
    const ref = `ch_${createHash("sha256").update(input.idempotencyKey).digest("hex").slice(0, 20)}`;
    return this.done({ kind: "CHARGE", ref, amountMinor: input.amountMinor, chargeRef: null, idempotencyKey: input.idempotencyKey });
  }

  async refund(input: { chargeRef: string; amountMinor: bigint; idempotencyKey: string }): Promise<GatewayResult> {
    const outage = this.outage("refund");
    if (outage) return outage;
    const ref = `re_${createHash("sha256").update(input.idempotencyKey).digest("hex").slice(0, 20)}`;
    return this.done({ kind: "REFUND", ref, amountMinor: input.amountMinor, chargeRef: input.chargeRef, idempotencyKey: input.idempotencyKey });
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
    const ref = `tr_${createHash("sha256").update(input.idempotencyKey).digest("hex").slice(0, 20)}`;
    return this.done({ kind: "PAYOUT", ref, amountMinor: input.amountMinor, chargeRef: null, idempotencyKey: input.idempotencyKey });
  }
}

let defaultGateway: PaymentGateway | undefined;
/**
 * The gateway the app uses: the sandbox, until a real provider is configured. Its books are in the
 * database of DATABASE_URL (shared by every process of the deployment); a process without one
 * (a unit test that passes no gateway) keeps them in memory.
 */
export const getGateway = (): PaymentGateway =>
  (defaultGateway ??= new SandboxGateway({ books: dbEnv.DATABASE_URL ? new DatabaseBooks(getPrisma) : new MemoryBooks() }));
