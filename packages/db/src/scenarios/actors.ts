import { SANDBOX_CARDS, SANDBOX_VERIFICATION_CODE } from "../gateway/sandbox";
import type { PrismaClient } from "../client";
import { addPaymentMethod } from "../services/payments/add-payment-method";
import { verifyPaymentMethod } from "../services/payments/verify-payment-method";
import { signUp } from "../services/sign-up";

let n = 0;
const key = (what: string) => `scn-${what}-${process.pid}-${n++}`;
export { key };

export async function person(prisma: PrismaClient, role: "CLIENT" | "FREELANCER", name: string, now: Date) {
  // Not a request from the network: each person gets an address of their own, so the sign-up throttle never applies.
  const email = `${name.toLowerCase()}-${process.pid}-${n++}@scenario.test`;
  const user = await signUp(prisma, { email, name, password: "scenario password", role, ip: `scenario:${email}`, now });
  return user.id;
}

/** A card ready to charge; `verify` goes through the sandbox's verification step first. */
export async function card(prisma: PrismaClient, userId: string, now: Date, verify = false) {
  const method = await addPaymentMethod(prisma, {
    actorId: userId,
    idempotencyKey: key("card"),
    now,
    card: { number: verify ? SANDBOX_CARDS.requiresVerification : SANDBOX_CARDS.succeeds, expMonth: 12, expYear: 2030, cvc: "123" },
  });
  if (verify) {
    await verifyPaymentMethod(prisma, { actorId: userId, idempotencyKey: key("verify"), now, paymentMethodId: method.id, code: SANDBOX_VERIFICATION_CODE });
  }
  return method.id;
}
