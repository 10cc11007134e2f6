import { assertConnectPurchaseSource, bundlePrice, connectsPurchaseEntries, formatMoney, lotExpiresAt } from "@fairlance/rules";
import { z } from "zod";
import type { Db, PrismaClient } from "../../client";
import { issueLot } from "../../connects/connect-ledger";
import { DomainError } from "../../errors";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { IdempotencyKey, idempotent, jsonCodec, scopedKey, type IdempotentCall } from "../../idempotency";
import { balanceOf, postTransfers } from "../../ledger/post-transfers";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { ChosenCard } from "../fields";
import { parseCall } from "../input";
import { chargeCard, gatewayKey, recordCharge, storedResult, usableCard, type CardCharge } from "./payment";

/** What the freelancer picks; who acts and when come with the call (ActorCall). */
export const BuyConnectsInput = z
  .strictObject({
    idempotencyKey: IdempotencyKey,
    bundleSize: z.int({ message: "Choose a bundle." }).positive("Choose a bundle."),
    paidWith: z.enum(["card", "earnings"], { message: "Pay with a card or with your Available earnings." }),
    paymentMethodId: ChosenCard.optional(),
  })
  .refine((input) => (input.paidWith === "card") === (input.paymentMethodId !== undefined), {
    message: "Choose a card to pay with, or pay from earnings without one (a purchase is never split).",
    path: ["paymentMethodId"],
  });
export type BuyConnectsInput = z.input<typeof BuyConnectsInput>;

export interface ConnectsPurchaseResult {
  purchaseId: string;
  connects: number;
  connectPriceMinor: bigint;
  priceMinor: bigint;
  paidWith: "card" | "earnings";
  settingsVersion: number;
  lotId: string;
  expiresAt: Date;
  chargeRef: string | null;
}

type Input = z.output<typeof BuyConnectsInput> & ActorCall;

/** What the purchase costs and how it is paid, checked before charging and again inside the transaction. */
async function planPurchase(db: Db, input: Input) {
  await requireActor(db, input, "FREELANCER", "buy connects", { active: true });
  const { settings, version } = await loadSettings(db, input.now);
  assertConnectPurchaseSource(input.paidWith, settings);
  const priceMinor = bundlePrice(input.bundleSize, settings);
  if (input.paidWith === "card") return { settings, version, priceMinor, card: await usableCard(db, input.actorId, input.paymentMethodId!) };
  const availableMinor = await balanceOf(db, { kind: "freelancer_available", userId: input.actorId });
  if (availableMinor < priceMinor) {
    throw new DomainError(
      "INSUFFICIENT_FUNDS",
      `This bundle costs ${formatMoney(priceMinor)} and your Available earnings are ${formatMoney(availableMinor)}. Pay with a card instead.`,
    );
  }
  return { settings, version, priceMinor, card: null };
}

/**
 * A freelancer buys a bundle of connects (economy.md §2.1): wholly by card (charged outside the
 * transaction, refunded if it then refuses) or wholly from Available earnings when allowed.
 * The purchase keeps the price and settings version it was bought under; idempotent.
 */
export async function buyConnects(prisma: PrismaClient, rawInput: BuyConnectsInput & ActorCall, deps: { gateway?: PaymentGateway } = {}): Promise<ConnectsPurchaseResult> {
  const input = parseCall(BuyConnectsInput, rawInput);
  const { actorId, now, bundleSize, paidWith } = input;
  const gateway = deps.gateway ?? getGateway();
  const codec = jsonCodec<ConnectsPurchaseResult>();
  const call: IdempotentCall = { operation: "connects.buy", userId: actorId, key: input.idempotencyKey, request: { bundleSize, paidWith, paymentMethodId: input.paymentMethodId ?? null } };
  const finished = () => storedResult(prisma, call, codec);
  const stored = await finished();
  if (stored) return stored.result;

  let charge: CardCharge | null;
  try {
    const quote = await planPurchase(prisma, input);
    charge = quote.card
      ? await chargeCard(gateway, {
          cardRef: quote.card.gatewayRef,
          paymentMethodId: quote.card.id,
          amountMinor: quote.priceMinor,
          key: gatewayKey(call),
          description: `${bundleSize} connects`,
        })
      : null;
  } catch (error) {
    // The same request sent twice at once may have finished meanwhile (and spent the earnings
    // this one found missing): its result is this request's answer (economy.md §0.4).
    const done = await finished();
    if (done) return done.result;
    throw error;
  }

  return recordCharge(prisma, gateway, charge, () =>
    runTransaction(prisma, (tx) =>
      idempotent(
        tx,
        call,
        async () => {
          const { settings, version, priceMinor } = await planPurchase(tx, input);
          if (charge && charge.amountMinor !== priceMinor) {
            throw new DomainError("CONFLICT", "The price of connects changed a moment ago: review the new price and try again.");
          }
          const purchase = await tx.connectPurchase.create({
            data: {
              userId: actorId,
              connects: bundleSize,
              connectPriceMinor: settings.connectPriceMinor,
              priceMinor,
              settingsVersion: version,
              paidWith,
              paymentMethodId: charge?.paymentMethodId ?? null,
              createdAt: now,
            },
            select: { id: true },
          });
          if (charge) {
            await tx.charge.create({
              data: { userId: actorId, paymentMethodId: charge.paymentMethodId, amountMinor: priceMinor, purpose: "connects_purchase", gatewayRef: charge.ref, createdAt: now },
            });
          }
          const key = scopedKey(call);
          await postTransfers(tx, connectsPurchaseEntries({ freelancerId: actorId, connects: bundleSize, priceMinor, source: paidWith }), {
            key,
            operation: call.operation,
            now,
            userId: actorId,
          });
          const expiresAt = lotExpiresAt(now, settings);
          const lotId = await issueLot(tx, { userId: actorId, key, now, reason: "purchase", source: "PURCHASE", connects: bundleSize, expiresAt, purchaseId: purchase.id });
          return {
            purchaseId: purchase.id,
            connects: bundleSize,
            connectPriceMinor: settings.connectPriceMinor,
            priceMinor,
            paidWith,
            settingsVersion: version,
            lotId,
            expiresAt,
            chargeRef: charge?.ref ?? null,
          };
        },
        codec,
      ),
    ),
    finished,
  );
}
