import type { Db, PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import type { PaymentGateway } from "../../gateway/gateway";
import { replayOf, requestDigest, scopedKey, type IdempotentCall } from "../../idempotency";
import { refundOrQueue, withRefundOutcome } from "../payments/pending-refunds";

type Codec<T> = { decode: (json: unknown) => T };

/**
 * Before anything is charged: a finished request with this key returns its stored result, and a
 * key reused for another request is refused — neither touches the card.
 */
export async function storedResult<T>(db: Db, call: IdempotentCall, codec: Codec<T>): Promise<{ result: T } | null> {
  return replayOf(call, await db.idempotencyRecord.findUnique({ where: { key: scopedKey(call) }, select: { requestHash: true, result: true } }), codec);
}

/** The provider's key for a call: a retry of the same request reaches the same charge, another request never does. */
export const gatewayKey = (call: IdempotentCall) => `${scopedKey(call)}:${requestDigest(call.request).slice(0, 16)}`;

export interface CardCharge {
  ref: string;
  amountMinor: bigint;
  key: string;
  paymentMethodId: string;
}

/** Charges a card outside any transaction; a decline is PAYMENT_DECLINED with the provider's reason. */
export async function chargeCard(
  gateway: PaymentGateway,
  input: { cardRef: string; paymentMethodId: string; amountMinor: bigint; key: string; description: string },
): Promise<CardCharge> {
  const result = await gateway.charge({ cardRef: input.cardRef, amountMinor: input.amountMinor, idempotencyKey: input.key, description: input.description });
  if (!result.ok) throw new DomainError("PAYMENT_DECLINED", `The payment did not go through: ${result.reason}`, { reason: result.reason });
  return { ref: result.ref, amountMinor: input.amountMinor, key: input.key, paymentMethodId: input.paymentMethodId };
}

/**
 * Runs the transaction that records a charge. If it refuses, the charge is refunded with a
 * derived key (a refund the gateway does not take is queued for the runner: pending-refunds.ts)
 * and the refusal is passed on. A replay found the first call's charge (same provider
 * key), so it is not refunded. `stored` reads the request's finished result: when the answer to
 * the COMMIT was lost (the database restarted), it says whether the charge was recorded after
 * all; if the database cannot say, the charge is kept for the client's replay to settle.
 */
export async function recordCharge<T>(
  prisma: PrismaClient,
  gateway: PaymentGateway,
  charge: CardCharge | null,
  run: () => Promise<{ result: T; replayed: boolean }>,
  stored: () => Promise<{ result: T } | null>,
): Promise<T> {
  try {
    return (await run()).result;
  } catch (error) {
    // A key taken by another request meanwhile means this charge was not recorded: refund it.
    const finished = await stored().then(
      (found) => found ?? false,
      (failure: unknown) => (failure instanceof DomainError && failure.code === "IDEMPOTENCY_KEY_REUSED" ? false : null),
    );
    if (finished) return finished.result;
    if (charge && finished === false) {
      const outcome = await refundOrQueue(prisma, gateway, {
        chargeRef: charge.ref,
        amountMinor: charge.amountMinor,
        idempotencyKey: `${charge.key}:refund`,
        reason: `Its transaction refused: ${error instanceof Error ? error.message : String(error)}`,
      });
      throw withRefundOutcome(error, outcome);
    }
    throw error;
  }
}

/** A card of the actor's that can be charged: their own, and verified. */
export async function usableCard(db: Db, userId: string, paymentMethodId: string) {
  const method = await db.paymentMethod.findFirst({ where: { id: paymentMethodId, userId }, select: { id: true, gatewayRef: true, status: true } });
  if (!method) throw new DomainError("NOT_FOUND", "That payment method was not found.");
  if (method.status !== "VERIFIED") {
    throw new DomainError("PAYMENT_METHOD_REQUIRED", "This card is not verified yet. Verify it, or use another card.");
  }
  return method;
}
