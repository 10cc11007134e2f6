import { accountKey, computeServiceFee, decodeTyped, isTypedJson, type FeeBandPart } from "@fairlance/rules";
import type { Db, PaymentKind } from "../client";
import { contractSchedule } from "../services/contracts/access";

/**
 * The states a freelancer's released money moves through (economy.md §4), as the history counts
 * them: pending, available, withdrawing (on its way to the payout method) and withdrawn (sent).
 */
export interface StateAmounts {
  pendingMinor: bigint;
  availableMinor: bigint;
  withdrawingMinor: bigint;
  withdrawnMinor: bigint;
}

export type EarningsEventKind = "payment" | "cleared" | "withdrawal" | "payout_sent" | "payout_returned" | "connects_purchase" | "other";

/** One event of the history: a payment with its gross, fee by band and net, or a change of state. */
export interface EarningsEvent {
  /** The operation's ledger key: one event per operation. */
  id: string;
  at: Date;
  kind: EarningsEventKind;
  /** The ledger's own sentence for an event the page has no words for. */
  memo: string;
  contractId: string | null;
  milestoneId: string | null;
  /** Payments only: what the client paid for the work, the service fee by band, and what the freelancer received. */
  payment: {
    paymentId: string;
    kind: PaymentKind;
    hourlyWeekId: string | null;
    grossMinor: bigint;
    feeMinor: bigint;
    netMinor: bigint;
    bands: { rateBps: number; partMinor: bigint; feeMinor: bigint }[];
  } | null;
  /** Withdrawals only: the amount taken from Available, the method fee, and the net sent. */
  withdrawal: { amountMinor: bigint; feeMinor: bigint; netMinor: bigint } | null;
  /** How much each state changed: a state change moves money between states (their sum is 0), income adds to pending. */
  change: StateAmounts;
  /** Each state's balance after this event (a running balance per state). */
  balance: StateAmounts;
}

export interface EarningsHistory {
  /** Newest first, at most `limit`. */
  events: EarningsEvent[];
  /** Each state's balance before the oldest event shown (zero when the whole history is shown). */
  opening: StateAmounts;
  /** Each state's balance after the newest event: the balances at the top of the page. */
  closing: StateAmounts;
  /** Over the whole history: gross billed, service fees, net received, payout method fees, connects bought from earnings. */
  totals: { grossMinor: bigint; feeMinor: bigint; netMinor: bigint; payoutFeesMinor: bigint; connectsMinor: bigint };
}

export const ZERO_STATES: StateAmounts = { pendingMinor: 0n, availableMinor: 0n, withdrawingMinor: 0n, withdrawnMinor: 0n };

const STATE_FIELDS = ["pendingMinor", "availableMinor", "withdrawingMinor", "withdrawnMinor"] as const;
const add = (a: StateAmounts, b: StateAmounts): StateAmounts => ({
  pendingMinor: a.pendingMinor + b.pendingMinor,
  availableMinor: a.availableMinor + b.availableMinor,
  withdrawingMinor: a.withdrawingMinor + b.withdrawingMinor,
  withdrawnMinor: a.withdrawnMinor + b.withdrawnMinor,
});

export const sameStates = (a: StateAmounts, b: StateAmounts) => STATE_FIELDS.every((field) => a[field] === b[field]);

interface TransferRow {
  id: bigint;
  idempotencyKey: string;
  createdAt: Date;
  kind: string;
  memo: string;
  amountMinor: bigint;
  debitAccountId: string;
  creditAccountId: string;
  contractId: string | null;
  milestoneId: string | null;
}

interface PaymentRow {
  id: string;
  kind: PaymentKind;
  contractId: string;
  milestoneId: string | null;
  hourlyWeekId: string | null;
  grossMinor: bigint;
  feeMinor: bigint;
  netMinor: bigint;
  priorBilledMinor: bigint;
  feeBands: unknown;
  releasedAt: Date;
  contract: { feeSchedule: unknown };
}

const PAYMENT_KINDS = new Set(["escrow_release", "bonus"]);

/** The fee by band of a stored payment: as stored, or recomputed from its billings and its contract's schedule (the same rule charged it). */
function bandsOf(payment: PaymentRow): { rateBps: number; partMinor: bigint; feeMinor: bigint }[] {
  const stored = isTypedJson(payment.feeBands) ? decodeTyped<FeeBandPart[]>(payment.feeBands) : null;
  const fee = stored && stored.length > 0
    ? { feeMinor: stored.reduce((sum, band) => sum + band.feeMinor, 0n), bands: stored }
    : computeServiceFee({ priorBilledMinor: payment.priorBilledMinor, amountMinor: payment.grossMinor, schedule: contractSchedule(payment.contract.feeSchedule as never) });
  if (fee.feeMinor !== payment.feeMinor) return [];
  return fee.bands.map((band) => ({ rateBps: band.rateBps, partMinor: band.partMinor, feeMinor: band.feeMinor }));
}

/**
 * Builds the history from the ledger transfers of the freelancer's own accounts, one event per
 * operation, oldest first: because every balance is the sum of its account's transfers, the
 * running balances end exactly at the balances the page shows (economy.md §0.2, §7.2). Payments
 * carry their gross and fee from the Payment row; the service fee never touches the freelancer's
 * accounts, so it is part of its payment, not a line of its own.
 */
export function buildEarningsHistory(input: {
  transfers: readonly TransferRow[];
  payments: readonly PaymentRow[];
  accounts: { pending: string | null; available: string | null; withdrawing: string | null };
  limit?: number;
}): EarningsHistory {
  const { accounts } = input;
  const effect = (t: TransferRow): StateAmounts => {
    const signed = (accountId: string | null) => (accountId === null ? 0n : (t.creditAccountId === accountId ? t.amountMinor : 0n) - (t.debitAccountId === accountId ? t.amountMinor : 0n));
    return {
      pendingMinor: signed(accounts.pending),
      availableMinor: signed(accounts.available),
      withdrawingMinor: signed(accounts.withdrawing),
      withdrawnMinor: t.kind === "payout_sent" && t.debitAccountId === accounts.withdrawing ? t.amountMinor : 0n,
    };
  };
  const groups = new Map<string, TransferRow[]>();
  for (const t of [...input.transfers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const key = t.idempotencyKey.replace(/#\d+$/, "");
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  const unmatched = [...input.payments];
  const takePayment = (t: TransferRow) => {
    const index = unmatched.findIndex((p) => p.contractId === t.contractId && p.releasedAt.getTime() === t.createdAt.getTime() && p.netMinor === t.amountMinor && (t.milestoneId === null || p.milestoneId === t.milestoneId));
    return index < 0 ? null : unmatched.splice(index, 1)[0]!;
  };

  let balance = ZERO_STATES;
  const totals = { grossMinor: 0n, feeMinor: 0n, netMinor: 0n, payoutFeesMinor: 0n, connectsMinor: 0n };
  const events: EarningsEvent[] = [];
  const paymentView = (payment: PaymentRow) => ({
    paymentId: payment.id,
    kind: payment.kind,
    hourlyWeekId: payment.hourlyWeekId,
    grossMinor: payment.grossMinor,
    feeMinor: payment.feeMinor,
    netMinor: payment.netMinor,
    bands: bandsOf(payment),
  });
  // A payment whose fee took all of it moved nothing to Pending (no transfer of $0): it is still a payment.
  const zeroNet = unmatched.filter((p) => p.netMinor === 0n && p.grossMinor > 0n);
  const flushZeroNetBefore = (at: Date | null) => {
    while (zeroNet.length > 0 && (at === null || zeroNet[0]!.releasedAt.getTime() <= at.getTime())) {
      const payment = zeroNet.shift()!;
      unmatched.splice(unmatched.indexOf(payment), 1);
      totals.grossMinor += payment.grossMinor;
      totals.feeMinor += payment.feeMinor;
      events.push({ id: `payment:${payment.id}`, at: payment.releasedAt, kind: "payment", memo: "Payment, all of it service fee", contractId: payment.contractId, milestoneId: payment.milestoneId, payment: paymentView(payment), withdrawal: null, change: ZERO_STATES, balance });
    }
  };
  for (const [id, transfers] of groups) {
    const first = transfers[0]!;
    flushZeroNetBefore(first.createdAt);
    const kinds = new Set(transfers.map((t) => t.kind));
    const change = transfers.map(effect).reduce(add, ZERO_STATES);
    balance = add(balance, change);
    const release = transfers.find((t) => PAYMENT_KINDS.has(t.kind) && t.creditAccountId === accounts.pending);
    const payment = release ? takePayment(release) : null;
    const kind: EarningsEventKind = release ? "payment"
      : kinds.has("pending_cleared") ? "cleared"
      : kinds.has("withdrawal") ? "withdrawal"
      : kinds.has("payout_sent") ? "payout_sent"
      : kinds.has("payout_returned") ? "payout_returned"
      : kinds.has("connects_purchase") ? "connects_purchase"
      : "other";
    const sumOf = (k: string) => transfers.filter((t) => t.kind === k).reduce((sum, t) => sum + t.amountMinor, 0n);
    const withdrawal = kind === "withdrawal" ? { amountMinor: sumOf("withdrawal") + sumOf("payout_fee"), feeMinor: sumOf("payout_fee"), netMinor: sumOf("withdrawal") } : null;
    if (payment) {
      totals.grossMinor += payment.grossMinor;
      totals.feeMinor += payment.feeMinor;
      totals.netMinor += payment.netMinor;
    } else if (release) {
      totals.netMinor += release.amountMinor;
    }
    totals.payoutFeesMinor += sumOf("payout_fee") - sumOf("payout_fee_refund");
    if (kind === "connects_purchase") totals.connectsMinor += sumOf("connects_purchase");
    events.push({
      id,
      at: first.createdAt,
      kind,
      memo: first.memo,
      contractId: first.contractId,
      milestoneId: first.milestoneId,
      payment: payment ? paymentView(payment) : null,
      withdrawal,
      change,
      balance,
    });
  }
  flushZeroNetBefore(null);
  const limit = input.limit ?? 100;
  const shown = events.slice(-limit);
  const oldest = shown[0];
  const opening = oldest ? STATE_FIELDS.reduce((o, field) => ({ ...o, [field]: oldest.balance[field] - oldest.change[field] }), ZERO_STATES) : balance;
  return { events: shown.reverse(), opening, closing: balance, totals };
}

/** The freelancer's earnings history (economy.md §4): every payment and change of state, with a running balance per state. */
export async function loadEarningsHistory(db: Db, freelancerId: string, limit?: number): Promise<EarningsHistory> {
  const keys = {
    pending: accountKey({ kind: "freelancer_pending", userId: freelancerId }),
    available: accountKey({ kind: "freelancer_available", userId: freelancerId }),
    withdrawing: accountKey({ kind: "freelancer_payout_clearing", userId: freelancerId }),
  };
  const rows = await db.ledgerAccount.findMany({ where: { key: { in: Object.values(keys) } }, select: { id: true, key: true } });
  const idOf = (key: string) => rows.find((row) => row.key === key)?.id ?? null;
  const accounts = { pending: idOf(keys.pending), available: idOf(keys.available), withdrawing: idOf(keys.withdrawing) };
  const ids = rows.map((row) => row.id);
  const [transfers, payments] = await Promise.all([
    db.ledgerTransfer.findMany({
      where: { OR: [{ debitAccountId: { in: ids } }, { creditAccountId: { in: ids } }] },
      orderBy: { id: "asc" },
      select: { id: true, idempotencyKey: true, createdAt: true, kind: true, memo: true, amountMinor: true, debitAccountId: true, creditAccountId: true, contractId: true, milestoneId: true },
    }),
    db.payment.findMany({
      where: { freelancerId },
      orderBy: { releasedAt: "asc" },
      select: {
        id: true,
        kind: true,
        contractId: true,
        milestoneId: true,
        hourlyWeekId: true,
        grossMinor: true,
        feeMinor: true,
        netMinor: true,
        priorBilledMinor: true,
        feeBands: true,
        releasedAt: true,
        contract: { select: { feeSchedule: true } },
      },
    }),
  ]);
  return buildEarningsHistory({ transfers, payments, accounts, limit });
}
