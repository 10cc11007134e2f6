import { TEXT_RULES } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import type { PaymentGateway } from "../../gateway/gateway";
import { getGateway } from "../../gateway/sandbox";
import { idempotent, IdempotencyKey, jsonCodec, type IdempotentCall } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Text } from "../fields";
import { Id, parseCall } from "../input";
import type { AddedPaymentMethod } from "./add-payment-method";

/** What the person types; who acts and when come with the call (ActorCall). */
export const VerifyPaymentMethodInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  paymentMethodId: Id("payment method"),
  code: Text(TEXT_RULES.verificationCode),
});
export type VerifyPaymentMethodInput = z.input<typeof VerifyPaymentMethodInput>;

/** The owner completes a card's verification with the code from their bank: the card becomes VERIFIED. */
export async function verifyPaymentMethod(
  prisma: PrismaClient,
  input: VerifyPaymentMethodInput & ActorCall,
  deps: { gateway?: PaymentGateway } = {},
): Promise<AddedPaymentMethod> {
  const data = parseCall(VerifyPaymentMethodInput, input);
  await requireActor(prisma, data, ["CLIENT", "FREELANCER"], "verify payment methods");
  const select = { id: true, brand: true, last4: true, status: true, verifiedAt: true, gatewayRef: true, userId: true } as const;
  const method = await prisma.paymentMethod.findUnique({ where: { id: data.paymentMethodId }, select });
  if (!method || method.userId !== data.actorId) throw new DomainError("NOT_FOUND", "This payment method does not exist.");
  if (method.status === "REQUIRES_VERIFICATION") {
    const verified = await (deps.gateway ?? getGateway()).verifyCard(method.gatewayRef, data.code);
    if (!verified.ok) throw new DomainError("INVALID_REQUEST", verified.reason);
  }

  return runTransaction(prisma, async (tx) => {
    const call: IdempotentCall = { operation: "paymentMethod.verify", userId: data.actorId, key: data.idempotencyKey, request: { id: method.id, code: data.code } };
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        const updated = await tx.paymentMethod.updateMany({
          where: { id: method.id, status: "REQUIRES_VERIFICATION" },
          data: { status: "VERIFIED", verifiedAt: data.now },
        });
        const current = await tx.paymentMethod.findUniqueOrThrow({ where: { id: method.id }, select });
        if (updated.count === 0 && current.status !== "VERIFIED") {
          throw new DomainError("CONFLICT", "This card can no longer be verified; add it again.");
        }
        return { id: current.id, brand: current.brand, last4: current.last4, status: current.status, verifiedAt: current.verifiedAt };
      },
      jsonCodec<AddedPaymentMethod>(),
    );
    return result;
  });
}
