import { accountKey } from "@fairlance/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCard, days, freshDatabase, key, ledgerBalance, makeUser, RecordingGateway, type TestDatabase } from "../../testing";
import { connectsBalance } from "./balance";
import { buyConnects } from "./buy-connects";
import { creditAvailable, setSetting } from "./test-helpers";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase({ max: 12 });
});
afterAll(() => db.drop());

const now = new Date("2026-04-01T12:00:00Z");

async function freelancerWithCard(card: NonNullable<Parameters<typeof addCard>[2]>["card"] = "succeeds") {
  const user = await makeUser(db.prisma, "FREELANCER");
  const method = await addCard(db.prisma, user.id, { card });
  return { user, method };
}

const counts = async (userId: string) => ({
  purchases: await db.prisma.connectPurchase.count({ where: { userId } }),
  lots: await db.prisma.connectLot.count({ where: { userId } }),
  charges: await db.prisma.charge.count({ where: { userId } }),
  transfers: await db.prisma.ledgerTransfer.count({ where: { userId, kind: "connects_purchase" } }),
});

describe("buyConnects by card", () => {
  it("charges 40 × $0.15 = $6.00, records the price and settings version, books the revenue and issues a PURCHASE lot", async () => {
    const gateway = new RecordingGateway();
    const { user, method } = await freelancerWithCard();
    const revenueBefore = await ledgerBalance(db.prisma, accountKey({ kind: "platform_revenue", revenue: "connect_sales" }));
    const result = await buyConnects(db.prisma, { actorId: user.id, idempotencyKey: key(), now, bundleSize: 40, paidWith: "card", paymentMethodId: method.id }, { gateway });
    expect(result).toMatchObject({ connects: 40, connectPriceMinor: 15n, priceMinor: 600n, paidWith: "card", settingsVersion: 0, expiresAt: days(now, 365) });
    expect(gateway.charges).toEqual([{ idempotencyKey: expect.any(String), amountMinor: 600n, ref: expect.any(String) }]);
    expect(await db.prisma.connectPurchase.findUniqueOrThrow({ where: { id: result.purchaseId } })).toMatchObject({
      connects: 40,
      connectPriceMinor: 15n,
      priceMinor: 600n,
      settingsVersion: 0,
      paidWith: "card",
      paymentMethodId: method.id,
    });
    expect(await db.prisma.charge.findMany({ where: { userId: user.id } })).toMatchObject([{ amountMinor: 600n, purpose: "connects_purchase", gatewayRef: result.chargeRef }]);
    expect(await db.prisma.connectLot.findUniqueOrThrow({ where: { id: result.lotId } })).toMatchObject({ source: "PURCHASE", issued: 40, purchaseId: result.purchaseId });
    expect(await db.prisma.connectEntry.findMany({ where: { userId: user.id } })).toMatchObject([{ kind: "PURCHASE", delta: 40, reason: "purchase" }]);
    expect((await ledgerBalance(db.prisma, accountKey({ kind: "platform_revenue", revenue: "connect_sales" }))) - revenueBefore).toBe(600n);
    expect(await connectsBalance(db.prisma, user.id, now)).toBe(40);
  });

  it("keeps the price a purchase was made at when the connect price changes later", async () => {
    const { user, method } = await freelancerWithCard();
    const first = await buyConnects(db.prisma, { actorId: user.id, idempotencyKey: key(), now, bundleSize: 10, paidWith: "card", paymentMethodId: method.id });
    const change = await setSetting(db.prisma, "connectPriceMinor", 20n, days(now, 1));
    const second = await buyConnects(db.prisma, { actorId: user.id, idempotencyKey: key(), now: days(now, 2), bundleSize: 10, paidWith: "card", paymentMethodId: method.id });
    expect(second).toMatchObject({ priceMinor: 200n, connectPriceMinor: 20n, settingsVersion: change.id });
    expect(await db.prisma.connectPurchase.findUniqueOrThrow({ where: { id: first.purchaseId } })).toMatchObject({ priceMinor: 150n, connectPriceMinor: 15n, settingsVersion: 0 });
  });

  it("refuses a declined card with the bank's reason and changes nothing", async () => {
    const gateway = new RecordingGateway();
    const { user, method } = await freelancerWithCard("declines");
    await expect(
      buyConnects(db.prisma, { actorId: user.id, idempotencyKey: key(), now, bundleSize: 10, paidWith: "card", paymentMethodId: method.id }, { gateway }),
    ).rejects.toMatchObject({ code: "PAYMENT_DECLINED", message: "The payment did not go through: The card was declined by its bank.", details: { reason: "The card was declined by its bank." } });
    expect(await counts(user.id)).toEqual({ purchases: 0, lots: 0, charges: 0, transfers: 0 });
    expect(gateway.refunds).toEqual([]);
  });

  it("refuses other people's cards, unverified cards, bundles not on offer, earnings while disabled and clients, without charging", async () => {
    const gateway = new RecordingGateway();
    const { user, method } = await freelancerWithCard();
    const other = await freelancerWithCard();
    const unverified = await addCard(db.prisma, user.id, { card: "requiresVerification" });
    const client = await makeUser(db.prisma, "CLIENT");
    const base = { actorId: user.id, idempotencyKey: key(), now, bundleSize: 10, paidWith: "card" as const, paymentMethodId: method.id };
    const refusals: [Parameters<typeof buyConnects>[1], string][] = [
      [{ ...base, paymentMethodId: other.method.id }, "NOT_FOUND"],
      [{ ...base, paymentMethodId: unverified.id }, "PAYMENT_METHOD_REQUIRED"],
      [{ ...base, bundleSize: 15 }, "BUNDLE_SIZE_NOT_OFFERED"],
      [{ ...base, paidWith: "earnings", paymentMethodId: undefined }, "CONNECTS_FROM_EARNINGS_DISABLED"],
      [{ ...base, paidWith: "earnings" }, "INVALID_REQUEST"],
      [{ ...base, actorId: client.id }, "FORBIDDEN"],
    ];
    for (const [input, code] of refusals) {
      await expect(buyConnects(db.prisma, { ...input, idempotencyKey: key() }, { gateway })).rejects.toMatchObject({ code });
    }
    expect(gateway.charges).toEqual([]);
    expect(await counts(user.id)).toEqual({ purchases: 0, lots: 0, charges: 0, transfers: 0 });
  });

  it("refunds the charge when the transaction refuses after it (the price changed meanwhile)", async () => {
    const gateway = new RecordingGateway();
    const { user, method } = await freelancerWithCard();
    const at = days(now, 30);
    gateway.afterNextCharge = async () => {
      await setSetting(db.prisma, "connectPriceMinor", 25n, days(at, -1));
    };
    await expect(
      buyConnects(db.prisma, { actorId: user.id, idempotencyKey: key(), now: at, bundleSize: 20, paidWith: "card", paymentMethodId: method.id }, { gateway }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(gateway.charges.map((charge) => charge.amountMinor)).toEqual([400n]);
    expect(gateway.refunds.map((refund) => refund.amountMinor)).toEqual([400n]);
    expect(await counts(user.id)).toEqual({ purchases: 0, lots: 0, charges: 0, transfers: 0 });
  });
});

describe("buyConnects from Available earnings", () => {
  it("is paid wholly from Available when allowed, and refused when Available does not cover it (never split)", async () => {
    const at = days(now, 60);
    await setSetting(db.prisma, "allowConnectPurchaseFromEarnings", true, days(at, -1));
    await setSetting(db.prisma, "connectPriceMinor", 25n, days(at, -1));
    const user = await makeUser(db.prisma, "FREELANCER");
    await creditAvailable(db.prisma, user.id, 1_000n, at);
    const result = await buyConnects(db.prisma, { actorId: user.id, idempotencyKey: key(), now: at, bundleSize: 20, paidWith: "earnings" });
    expect(result).toMatchObject({ paidWith: "earnings", priceMinor: 500n, chargeRef: null });
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "freelancer_available", userId: user.id }))).toBe(500n);
    await expect(buyConnects(db.prisma, { actorId: user.id, idempotencyKey: key(), now: at, bundleSize: 40, paidWith: "earnings" })).rejects.toMatchObject({
      code: "INSUFFICIENT_FUNDS",
      message: "This bundle costs $10.00 and your Available earnings are $5.00. Pay with a card instead.",
    });
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "freelancer_available", userId: user.id }))).toBe(500n);
    expect(await connectsBalance(db.prisma, user.id, at)).toBe(20);
  });
});

describe("buyConnects idempotency and concurrency", () => {
  it("replays the first result for the same key without charging again, and refuses the key for another request", async () => {
    const gateway = new RecordingGateway();
    const { user, method } = await freelancerWithCard();
    const input = { actorId: user.id, idempotencyKey: key(), now, bundleSize: 10, paidWith: "card" as const, paymentMethodId: method.id };
    const first = await buyConnects(db.prisma, input, { gateway });
    expect(await buyConnects(db.prisma, { ...input, now: days(now, 1) }, { gateway })).toEqual(first);
    await expect(buyConnects(db.prisma, { ...input, bundleSize: 20 }, { gateway })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect(gateway.charges).toHaveLength(1);
    expect(await counts(user.id)).toEqual({ purchases: 1, lots: 1, charges: 1, transfers: 1 });
  });

  it("20 simultaneous purchases with distinct keys all succeed and the balance is exact", async () => {
    const { user, method } = await freelancerWithCard();
    const revenueBefore = await ledgerBalance(db.prisma, accountKey({ kind: "platform_revenue", revenue: "connect_sales" }));
    const results = await Promise.all(
      Array.from({ length: 20 }, () => buyConnects(db.prisma, { actorId: user.id, idempotencyKey: key(), now, bundleSize: 10, paidWith: "card", paymentMethodId: method.id })),
    );
    expect(new Set(results.map((result) => result.purchaseId)).size).toBe(20);
    expect(await connectsBalance(db.prisma, user.id, now)).toBe(200);
    expect(await counts(user.id)).toEqual({ purchases: 20, lots: 20, charges: 20, transfers: 20 });
    expect((await ledgerBalance(db.prisma, accountKey({ kind: "platform_revenue", revenue: "connect_sales" }))) - revenueBefore).toBe(20n * 150n);
  });

  it("10 simultaneous calls with the same key make one purchase, one charge, one ledger transfer and one lot", async () => {
    const gateway = new RecordingGateway();
    const { user, method } = await freelancerWithCard();
    const input = { actorId: user.id, idempotencyKey: key(), now, bundleSize: 60, paidWith: "card" as const, paymentMethodId: method.id };
    const results = await Promise.all(Array.from({ length: 10 }, () => buyConnects(db.prisma, input, { gateway })));
    expect(new Set(results.map((result) => result.purchaseId)).size).toBe(1);
    expect(new Set(gateway.charges.map((charge) => charge.idempotencyKey)).size).toBe(1);
    expect(gateway.refunds).toEqual([]);
    expect(await counts(user.id)).toEqual({ purchases: 1, lots: 1, charges: 1, transfers: 1 });
    expect(await connectsBalance(db.prisma, user.id, now)).toBe(60);
  });
});
