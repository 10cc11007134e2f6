import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { currentTime } from "../../clock";
import type { GatewayResult, PaymentGateway } from "../../gateway/gateway";
import type { SystemCall } from "../actor";

/**
 * Card refunds owed after a refused transaction (PendingRefund).
 *
 * An operation that charges a card charges it outside its transaction; when the transaction then
 * refuses, the charge is given back. If the gateway does not take that refund (it is down, it
 * times out), the refund is queued here and the runner (retry_pending_refunds) retries it with
 * backoff, always under the refund's first idempotency key, so however many times it is sent the
 * card is refunded once.
 *
 * What the ledger shows meanwhile: nothing. The transaction that would have recorded the charge
 * (its Charge row and the transfer out of card_gateway) rolled back, so the money never entered
 * the ledger; it is at the gateway, charged to the card and owed back, and this row is its only
 * record. The invariant check (ledger/invariants.ts, "pending-refunds") holds the queue to that:
 * no refund, pending or done, is of a charge the ledger recorded. Reconciliation
 * (reconcile-gateway.ts) counts the gateway's charge as "awaiting refund", not as an orphan.
 */

/** First retry 5 minutes after the failed refund, then doubling, at most a day apart. */
export const REFUND_RETRY_FIRST_MS = 5 * 60_000;
export const REFUND_RETRY_MAX_MS = 24 * 60 * 60_000;

/** When to try again after `attempts` failed attempts (1 = the first refund, made by the operation). */
export function nextRefundAttempt(now: Date, attempts: number): Date {
  const delay = Math.min(REFUND_RETRY_MAX_MS, REFUND_RETRY_FIRST_MS * 2 ** Math.min(20, Math.max(0, attempts - 1)));
  return new Date(now.getTime() + delay);
}

export interface RefundOwed {
  chargeRef: string;
  amountMinor: bigint;
  /** The gateway key of the refund: every retry sends this one. */
  idempotencyKey: string;
  /** Why the charge is given back. */
  reason: string;
  /**
   * True when the ledger already booked the refund (a committed operation gave escrow back and
   * only the card refund is owed); false (the default) for the charge of a transaction that
   * rolled back, which the ledger never recorded.
   */
  booked?: boolean;
}

export type RefundOutcome = GatewayResult & { queued: boolean };

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Refunds a charge whose transaction refused. When the gateway does not take the refund, it is
 * queued (once per charge: a replay that fails again finds it queued) for the runner to retry.
 * `now` is the marketplace time (read from its clock when not given).
 */
export async function refundOrQueue(prisma: PrismaClient, gateway: PaymentGateway, owed: RefundOwed, now?: Date): Promise<RefundOutcome> {
  let result: GatewayResult;
  try {
    result = await gateway.refund({ chargeRef: owed.chargeRef, amountMinor: owed.amountMinor, idempotencyKey: owed.idempotencyKey });
  } catch (error) {
    result = { ok: false, reason: describe(error), retryable: true };
  }
  if (result.ok) return { ...result, queued: false };
  try {
    await queueRefund(prisma, owed, result.reason, now ?? (await currentTime(prisma)));
  } catch (error) {
    // The database answered a moment ago (the caller knows the charge was not recorded) but not
    // now: the refusal the caller is about to pass on must not be hidden behind this one, so the
    // owed refund goes to the server log with everything needed to give it back by hand.
    console.error(
      `Refund owed and not queued: charge ${owed.chargeRef}, ${owed.amountMinor} cents, key ${owed.idempotencyKey} (${owed.reason}); gateway: ${result.reason}; queue: ${describe(error)}`,
    );
    return { ...result, queued: false };
  }
  return { ...result, queued: true };
}

/**
 * The refusal a person gets after their card was charged and the operation then refused: the
 * refusal's own sentence, then what happened to the charge, as it happened (a queued refund is not
 * "refunded" yet). Anything but a DomainError (a crash) is passed on as it is.
 */
export function withRefundOutcome(error: unknown, outcome: RefundOutcome): unknown {
  if (!(error instanceof DomainError)) return error;
  const charge = outcome.ok
    ? "The charge to your card was refunded."
    : "The charge to your card is being refunded: the payment provider did not answer, so the refund is queued and retried automatically.";
  return new DomainError(error.code, `${error.message} ${charge}`, error.details);
}

async function queueRefund(prisma: PrismaClient, owed: RefundOwed, lastError: string, at: Date): Promise<void> {
  await prisma.pendingRefund.createMany({
    data: [
      {
        chargeRef: owed.chargeRef,
        amountMinor: owed.amountMinor,
        idempotencyKey: owed.idempotencyKey,
        reason: owed.reason.slice(0, 500),
        booked: owed.booked ?? false,
        lastError: lastError.slice(0, 500),
        nextAttemptAt: nextRefundAttempt(at, 1),
        createdAt: at,
        updatedAt: at,
      },
    ],
    skipDuplicates: true,
  });
}

export interface RefundRetries {
  refunded: { chargeRef: string; amountMinor: bigint; refundRef: string; attempts: number }[];
  /** Recorded meanwhile by a replay of its request: nothing owed (status KEPT). */
  kept: { chargeRef: string }[];
  failed: { chargeRef: string; attempts: number; reason: string; nextAttemptAt: Date }[];
}

/**
 * The runner's retry of the queued refunds that are due (retry_pending_refunds, every tick). Each
 * is sent again under its own key; the gateway answers a key it already refunded with that same
 * refund, so two runners (or a retry after a lost answer) refund once.
 */
export async function retryPendingRefunds(
  prisma: PrismaClient,
  call: SystemCall & { limit?: number },
  deps: { gateway: PaymentGateway },
): Promise<RefundRetries> {
  const { now } = call;
  const due = await prisma.pendingRefund.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: call.limit ?? 100,
  });
  const outcome: RefundRetries = { refunded: [], kept: [], failed: [] };
  for (const owed of due) {
    // A replay of the charge's request may have charged under the same key (the same charge) and
    // recorded it: then the money is the operation's and nothing is owed. (The invariant check
    // reports a refund of a recorded charge, should a replay commit during this very retry.)
    // A booked refund is of a recorded charge by definition: it is always owed.
    const recorded = owed.booked ? null : await prisma.charge.findFirst({ where: { gatewayRef: owed.chargeRef }, select: { id: true } });
    if (recorded) {
      await prisma.pendingRefund.updateMany({ where: { id: owed.id, status: "PENDING" }, data: { status: "KEPT", updatedAt: now } });
      outcome.kept.push({ chargeRef: owed.chargeRef });
      continue;
    }
    let result: GatewayResult;
    try {
      result = await deps.gateway.refund({ chargeRef: owed.chargeRef, amountMinor: owed.amountMinor, idempotencyKey: owed.idempotencyKey });
    } catch (error) {
      result = { ok: false, reason: describe(error), retryable: true };
    }
    const attempts = owed.attempts + 1;
    if (result.ok) {
      await prisma.pendingRefund.updateMany({
        where: { id: owed.id, status: "PENDING" },
        data: { status: "REFUNDED", attempts, refundRef: result.ref, refundedAt: now, updatedAt: now, lastError: null },
      });
      outcome.refunded.push({ chargeRef: owed.chargeRef, amountMinor: owed.amountMinor, refundRef: result.ref, attempts });
    } else {
      const nextAttemptAt = nextRefundAttempt(now, attempts);
      await prisma.pendingRefund.updateMany({
        where: { id: owed.id, status: "PENDING" },
        data: { attempts, lastError: result.reason.slice(0, 500), nextAttemptAt, updatedAt: now },
      });
      outcome.failed.push({ chargeRef: owed.chargeRef, attempts, reason: result.reason, nextAttemptAt });
    }
  }
  return outcome;
}
