import { CARD_EXPIRY, TEXT_RULES } from "@fairlance/rules";
import { z } from "zod";
import type { PaymentMethodStatus, PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { idempotent, IdempotencyKey, jsonCodec, type IdempotentCall } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Text } from "../fields";
import { parseCall } from "../input";

const EXPIRY_MONTH = CARD_EXPIRY.month;
const EXPIRY_YEAR = CARD_EXPIRY.year;

/** What the person types; who acts and when come with the call (ActorCall). */
export const AddPaymentMethodInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  card: z.strictObject({
    number: Text(TEXT_RULES.cardNumber),
    expMonth: z.number().int(EXPIRY_MONTH).min(1, EXPIRY_MONTH).max(12, EXPIRY_MONTH),
    expYear: z.number().int(EXPIRY_YEAR).min(2000, EXPIRY_YEAR).max(2100, EXPIRY_YEAR),
    cvc: Text(TEXT_RULES.cardCvc),
  }),
});
export type AddPaymentMethodInput = z.input<typeof AddPaymentMethodInput>;

export interface AddedPaymentMethod {
  id: string;
  brand: string;
  last4: string;
  status: PaymentMethodStatus;
  verifiedAt: Date | null;
}

/**
 * Stores a card through the gateway (economy.md §1). A card that needs the holder's verification waits
 * in REQUIRES_VERIFICATION; any other valid card can be charged, so it is verified at once.
 */
export async function addPaymentMethod(
  prisma: PrismaClient,
  input: AddPaymentMethodInput & ActorCall,
  deps: { gateway?: PaymentGateway } = {},
): Promise<AddedPaymentMethod> {
  const data = parseCall(AddPaymentMethodInput, input);
  await requireActor(prisma, data, ["CLIENT", "FREELANCER"], "add payment methods", { active: true });
  const now = data.now;
  const card = { ...data.card, number: data.card.number.replace(/[\s-]/g, "") };
  const token = await (deps.gateway ?? getGateway()).tokenizeCard(card);
  if (!token.ok) throw new DomainError("INVALID_REQUEST", token.reason);

  return runTransaction(prisma, async (tx) => {
    const call: IdempotentCall = { operation: "paymentMethod.add", userId: data.actorId, key: data.idempotencyKey, request: { card } };
    const { result } = await idempotent(
      tx,
      call,
      () =>
        tx.paymentMethod.create({
          data: {
            userId: data.actorId,
            brand: token.brand,
            last4: token.last4,
            gatewayRef: token.ref,
            status: token.requiresVerification ? "REQUIRES_VERIFICATION" : "VERIFIED",
            verifiedAt: token.requiresVerification ? null : now,
            createdAt: now,
          },
          select: { id: true, brand: true, last4: true, status: true, verifiedAt: true },
        }),
      jsonCodec<AddedPaymentMethod>(),
    );
    return result;
  });
}
