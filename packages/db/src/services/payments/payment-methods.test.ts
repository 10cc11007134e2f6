import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_CARDS, SANDBOX_VERIFICATION_CODE } from "../../gateway/sandbox";
import { freshDatabase, key, makeUser, NOW, type TestDatabase } from "../../testing";
import { addPaymentMethod } from "./add-payment-method";
import { isPaymentVerified } from "./payment-verified";
import { verifyPaymentMethod } from "./verify-payment-method";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

const card = (number: string) => ({ number, expMonth: 12, expYear: 2030, cvc: "123" });

describe("addPaymentMethod", () => {
  it("verifies a chargeable card at once, for clients and freelancers alike", async () => {
    for (const role of ["CLIENT", "FREELANCER"] as const) {
      const userId = (await makeUser(db.prisma, role)).id;
      expect(await isPaymentVerified(db.prisma, userId)).toBe(false);
      const method = await addPaymentMethod(db.prisma, { actorId: userId, idempotencyKey: key(), now: NOW, card: card("4242 4242 4242 4242") });
      expect(method).toMatchObject({ brand: "Visa", last4: "4242", status: "VERIFIED", verifiedAt: NOW });
      expect(await isPaymentVerified(db.prisma, userId)).toBe(true);
    }
  });

  it("keeps a card that needs verification waiting", async () => {
    const userId = (await makeUser(db.prisma, "CLIENT")).id;
    const method = await addPaymentMethod(db.prisma, { actorId: userId, idempotencyKey: key(), now: NOW, card: card(SANDBOX_CARDS.requiresVerification) });
    expect(method).toMatchObject({ status: "REQUIRES_VERIFICATION", verifiedAt: null, last4: "3155" });
    expect(await isPaymentVerified(db.prisma, userId)).toBe(false);
  });

  it("refuses an invalid card with the gateway's reason, and admins", async () => {
    const userId = (await makeUser(db.prisma, "CLIENT")).id;
    await expect(addPaymentMethod(db.prisma, { actorId: userId, idempotencyKey: key(), now: NOW, card: card("4242424242424241") })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      message: "The card number is not valid.",
    });
    const adminId = (await makeUser(db.prisma, "ADMIN")).id;
    await expect(addPaymentMethod(db.prisma, { actorId: adminId, idempotencyKey: key(), now: NOW, card: card(SANDBOX_CARDS.succeeds) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.prisma.paymentMethod.count({ where: { userId: { in: [userId, adminId] } } })).toBe(0);
  });

  it("replays a retried request and refuses the key for another card", async () => {
    const userId = (await makeUser(db.prisma, "CLIENT")).id;
    const input = { actorId: userId, idempotencyKey: key(), now: NOW, card: card(SANDBOX_CARDS.succeeds) };
    const first = await addPaymentMethod(db.prisma, input);
    expect(await addPaymentMethod(db.prisma, { ...input, now: new Date(NOW.getTime() + 1000) })).toEqual(first);
    expect(await db.prisma.paymentMethod.count({ where: { userId } })).toBe(1);
    await expect(addPaymentMethod(db.prisma, { ...input, card: card("5555555555554444") })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
  });
});

describe("verifyPaymentMethod", () => {
  it("verifies with the right code; refuses a wrong code and other people's cards", async () => {
    const userId = (await makeUser(db.prisma, "CLIENT")).id;
    const method = await addPaymentMethod(db.prisma, { actorId: userId, idempotencyKey: key(), now: NOW, card: card(SANDBOX_CARDS.requiresVerification) });
    const input = { actorId: userId, idempotencyKey: key(), now: NOW, paymentMethodId: method.id, code: SANDBOX_VERIFICATION_CODE };
    await expect(verifyPaymentMethod(db.prisma, { ...input, idempotencyKey: key(), code: "000000" })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      message: "That verification code is not right.",
    });
    const other = (await makeUser(db.prisma, "CLIENT")).id;
    await expect(verifyPaymentMethod(db.prisma, { ...input, actorId: other })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(verifyPaymentMethod(db.prisma, { ...input, paymentMethodId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await isPaymentVerified(db.prisma, userId)).toBe(false);

    const verified = await verifyPaymentMethod(db.prisma, input);
    expect(verified).toMatchObject({ id: method.id, status: "VERIFIED", verifiedAt: NOW });
    expect(await isPaymentVerified(db.prisma, userId)).toBe(true);
    // Replay: the same answer; the same key for another card is refused.
    expect(await verifyPaymentMethod(db.prisma, input)).toEqual(verified);
    await expect(verifyPaymentMethod(db.prisma, { ...input, code: "654321" })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
  });
});
