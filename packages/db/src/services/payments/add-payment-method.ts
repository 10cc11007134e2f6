import { z } from "zod";
import type { PaymentMethodStatus, PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { idempotent, IdempotencyKey, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";

export const AddPaymentMethodInput = z.object({
  actorId: z.uuid(),
  idempotencyKey: IdempotencyKey,
  now: z.date(),
  card: z.object({
    number: z.string().trim().min(12, "Enter the whole card number.").max(23, "That card number is too long."),
    expMonth: z.number().int().min(1, "The expiry month is 1 to 12.").max(12, "The expiry month is 1 to 12."),
    expYear: z.number().int().min(2000).max(2100),
    cvc: z.string().trim().min(3, "The security code has 3 or 4 digits.").max(4, "The security code has 3 or 4 digits."),
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
 * Stores a card through the gateway (RULES 1). A card that needs the holder's verification waits
 * in REQUIRES_VERIFICATION; any other valid card can be charged, so it is verified at once.
 */
export async function addPaymentMethod(
  prisma: PrismaClient,
  input: AddPaymentMethodInput,
  deps: { gateway?: PaymentGateway } = {},
): Promise<AddedPaymentMethod> {
  const data = AddPaymentMethodInput.parse(input);
  const user = await prisma.user.findUnique({ where: { id: data.actorId }, select: { role: true } });
  if (!user) throw new DomainError("NOT_FOUND", "Your account no longer exists.");
  if (user.role === "ADMIN") throw new DomainError("FORBIDDEN", "Admin accounts do not hold payment methods.");
  const now = data.now;
  const card = { ...data.card, number: data.card.number.replace(/[\s-]/g, "") };
  const token = await (deps.gateway ?? getGateway()).tokenizeCard(card);
  if (!token.ok) throw new DomainError("INVALID_REQUEST", token.reason);

  return runTransaction(prisma, async (tx) => {
    const call = { operation: "add_payment_method", userId: data.actorId, key: data.idempotencyKey, request: { card } };
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
