import type { Db } from "../../client";

/** economy.md §1: a person is payment verified once one of their payment methods is verified. */
export async function isPaymentVerified(db: Db, userId: string): Promise<boolean> {
  const method = await db.paymentMethod.findFirst({ where: { userId, status: "VERIFIED" }, select: { id: true } });
  return method !== null;
}

/** The verified method charges go to: the most recently verified one. */
export async function chargeablePaymentMethod(db: Db, userId: string) {
  return db.paymentMethod.findFirst({
    where: { userId, status: "VERIFIED" },
    orderBy: [{ verifiedAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, gatewayRef: true, brand: true, last4: true },
  });
}
