import type { PrismaClient, Tx } from "../../client";
import { DomainError } from "../../errors";
import type { GatewayResult, PaymentGateway } from "../../gateway/gateway";
import { idempotent, jsonCodec, sameRequest, scopedKey, type IdempotentCall } from "../../idempotency";
import { gatewayKey as providerKey } from "../connects/payment";
import { runTransaction } from "../../transaction";
import { chargeablePaymentMethod } from "./payment-verified";
import { refundOrQueue, withRefundOutcome } from "./pending-refunds";

export interface CardCharge {
  paymentMethodId: string;
  chargeRef: string;
  amountMinor: bigint;
  /** The gateway key of the charge; its refund uses `<key>:refund`. */
  gatewayKey: string;
}

/**
 * Charges the payer's verified card (outside any transaction). PAYMENT_METHOD_REQUIRED when they
 * have none, PAYMENT_DECLINED with the bank's reason when the card is refused.
 */
export async function chargeVerifiedCard(
  prisma: PrismaClient,
  gateway: PaymentGateway,
  input: { payerId: string; amountMinor: bigint; gatewayKey: string; description: string },
): Promise<CardCharge> {
  const method = await chargeablePaymentMethod(prisma, input.payerId);
  if (!method) {
    throw new DomainError("PAYMENT_METHOD_REQUIRED", "Add and verify a payment method before paying.", { payerId: input.payerId });
  }
  const charged = await gateway.charge({
    cardRef: method.gatewayRef,
    amountMinor: input.amountMinor,
    idempotencyKey: input.gatewayKey,
    description: input.description,
  });
  if (!charged.ok) {
    throw new DomainError("PAYMENT_DECLINED", `${method.brand} …${method.last4}: ${charged.reason}`, { retryable: charged.retryable === true });
  }
  return { paymentMethodId: method.id, chargeRef: charged.ref, amountMinor: input.amountMinor, gatewayKey: input.gatewayKey };
}

/** The gateway key of a charge's refund: derived from the charge's, so a retry refunds once. */
export const refundKeyOf = (charge: { gatewayKey: string }) => `${charge.gatewayKey}:refund`;

/** Gives a card charge back (the key is derived from the charge's, so a retry refunds once). */
export async function refundCardCharge(
  gateway: PaymentGateway,
  charge: { chargeRef: string; amountMinor: bigint; gatewayKey: string },
): Promise<GatewayResult> {
  return gateway.refund({ chargeRef: charge.chargeRef, amountMinor: charge.amountMinor, idempotencyKey: refundKeyOf(charge) });
}

/**
 * Gives back (part of) a recorded charge whose refund a committed operation booked in the ledger
 * (escrow refunded). A refund the gateway does not take is queued as booked and retried by the
 * runner under the same key, so the card is refunded once, without the person replaying anything.
 */
export function refundBookedCharge(prisma: PrismaClient, gateway: PaymentGateway, charge: { chargeRef: string; amountMinor: bigint; gatewayKey: string }, reason: string) {
  return refundOrQueue(prisma, gateway, { chargeRef: charge.chargeRef, amountMinor: charge.amountMinor, idempotencyKey: refundKeyOf(charge), reason, booked: true });
}

/**
 * Gives back a charge its transaction did not record; a refund the gateway does not take is
 * queued for the runner (pending-refunds.ts), never only logged.
 */
export function refundUnrecordedCharge(prisma: PrismaClient, gateway: PaymentGateway, charge: CardCharge, reason: string) {
  return refundOrQueue(prisma, gateway, { chargeRef: charge.chargeRef, amountMinor: charge.amountMinor, idempotencyKey: refundKeyOf(charge), reason });
}

/** The Charge row of a card charge, inside the transaction that uses its money. */
export async function recordCharge(tx: Tx, charge: CardCharge, input: { userId: string; purpose: string; now: Date }): Promise<void> {
  await tx.charge.create({
    data: {
      userId: input.userId,
      paymentMethodId: charge.paymentMethodId,
      amountMinor: charge.amountMinor,
      purpose: input.purpose,
      gatewayRef: charge.chargeRef,
      createdAt: input.now,
    },
  });
}

/**
 * The shape of every operation that charges a card (README 8): validate, charge the card outside
 * the transaction with a key derived from the operation's, then commit in one idempotent
 * transaction; if it refuses, the charge is refunded. A replay of a finished request charges
 * nothing: it returns the stored result (or IDEMPOTENCY_KEY_REUSED).
 */
export async function chargeThenCommit<T>(
  prisma: PrismaClient,
  gateway: PaymentGateway,
  options: {
    call: IdempotentCall;
    /** Checks what can be checked before charging; returns who pays what. */
    prepare: () => Promise<{ payerId: string; amountMinor: bigint; description: string }>;
    commit: (tx: Tx, charge: CardCharge) => Promise<T>;
  },
): Promise<T> {
  const { call } = options;
  const finished = () => prisma.idempotencyRecord.findUnique({ where: { key: scopedKey(call) }, select: { requestHash: true } });
  const replay = () =>
    runTransaction(prisma, async (tx) => {
      const { result } = await idempotent(tx, call, () => Promise.reject(new DomainError("CONFLICT", "This request is already being handled.")), jsonCodec<T>());
      return result;
    });
  if (await finished()) return replay();
  // Another request under the same key must not share this charge: the request's hash is in the key.
  const gatewayKey = providerKey(call);
  let charge: CardCharge;
  try {
    const plan = await options.prepare();
    charge = await chargeVerifiedCard(prisma, gateway, { ...plan, gatewayKey });
  } catch (error) {
    // The same request, sent twice at once (a double click, a client's retry), may have finished
    // while this one was checking: "the milestone is already funded" is then this request's own
    // effect, and its answer is the first one's result (economy.md §0.4).
    if (await finished()) return replay();
    throw error;
  }
  try {
    return await runTransaction(prisma, async (tx) => {
      const { result } = await idempotent(tx, call, () => options.commit(tx, charge), jsonCodec<T>());
      return result;
    });
  } catch (error) {
    // Refund only a charge whose transaction surely did not commit. The answer to a COMMIT can be
    // lost (the database restarted): then the record says what happened, and if the database
    // cannot say, the charge stays for the client's replay (same key, same charge) to settle.
    // A record of another request under the same key is not this charge's: refund it.
    const committed = await finished().then((record) => record !== null && sameRequest(record.requestHash, call), () => null);
    if (committed === true) return replay();
    if (committed === false) {
      const outcome = await refundUnrecordedCharge(prisma, gateway, charge, `${call.operation} refused: ${error instanceof Error ? error.message : String(error)}`);
      throw withRefundOutcome(error, outcome);
    }
    throw error;
  }
}
