import { accountKey } from "@fairlance/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCard, days, freshDatabase, key, ledgerBalance, makeUser, RecordingGateway, type TestDatabase } from "../../testing";
import { adminGrantConnects } from "./admin-grant-connects";
import { connectsBalance } from "./balance";
import { cancelMembership } from "./cancel-membership";
import { renewMemberships } from "./renew-memberships";
import { subscribeMembership } from "./subscribe-membership";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

const jan10 = new Date("2026-01-10T12:00:00Z");
const feb10 = new Date("2026-02-10T12:00:00Z");
const mar10 = new Date("2026-03-10T12:00:00Z");

async function member(gateway = new RecordingGateway(), at = jan10) {
  const user = await makeUser(db.prisma, "FREELANCER", { name: "Mia" });
  const card = await addCard(db.prisma, user.id);
  const subscription = await subscribeMembership(db.prisma, { actorId: user.id, idempotencyKey: key(), now: at, paymentMethodId: card.id }, { gateway });
  return { user, card, subscription };
}

const membershipCharges = (userId: string) => db.prisma.charge.findMany({ where: { userId, purpose: "membership" }, orderBy: { createdAt: "asc" }, select: { amountMinor: true } });

describe("subscribeMembership", () => {
  it("anchors the cycle at the upgrade date, charges $14.99 and grants 70 connects in a MEMBERSHIP lot", async () => {
    const revenueBefore = await ledgerBalance(db.prisma, accountKey({ kind: "platform_revenue", revenue: "membership" }));
    const { user, subscription } = await member();
    expect(subscription).toMatchObject({
      outcome: "started",
      anchorAt: jan10,
      currentPeriodStart: jan10,
      currentPeriodEnd: feb10,
      chargedMinor: 1499n,
      connectsGranted: 70,
      remainingDays: 31,
      cycleDays: 31,
      settingsVersion: 0,
    });
    expect(await db.prisma.membership.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({
      status: "ACTIVE",
      priceMinor: 1499n,
      monthlyConnects: 70,
      cyclesBilled: 1,
    });
    expect(await membershipCharges(user.id)).toEqual([{ amountMinor: 1499n }]);
    expect((await ledgerBalance(db.prisma, accountKey({ kind: "platform_revenue", revenue: "membership" }))) - revenueBefore).toBe(1499n);
    expect(await db.prisma.connectLot.findMany({ where: { userId: user.id } })).toMatchObject([
      { source: "MEMBERSHIP", issued: 70, reason: "membership_grant", expiresAt: days(jan10, 365) },
    ]);
  });

  it("replays the first result for the same key, refuses the key for another card, and refuses a second membership", async () => {
    const gateway = new RecordingGateway();
    const user = await makeUser(db.prisma, "FREELANCER");
    const card = await addCard(db.prisma, user.id);
    const other = await addCard(db.prisma, user.id);
    const input = { actorId: user.id, idempotencyKey: key(), now: jan10, paymentMethodId: card.id };
    const first = await subscribeMembership(db.prisma, input, { gateway });
    expect(await subscribeMembership(db.prisma, { ...input, now: days(jan10, 1) }, { gateway })).toEqual(first);
    await expect(subscribeMembership(db.prisma, { ...input, paymentMethodId: other.id }, { gateway })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    await expect(subscribeMembership(db.prisma, { ...input, idempotencyKey: key() }, { gateway })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "You are already a Freelancer Plus member; it renews on 2026-02-10.",
    });
    expect(gateway.charges).toHaveLength(1);
    expect(await connectsBalance(db.prisma, user.id, jan10)).toBe(70);
  });

  it("refuses clients, unverified and declined cards, changing nothing", async () => {
    const gateway = new RecordingGateway();
    const user = await makeUser(db.prisma, "FREELANCER");
    const declined = await addCard(db.prisma, user.id, { card: "declines" });
    const unverified = await addCard(db.prisma, user.id, { card: "requiresVerification" });
    const client = await makeUser(db.prisma, "CLIENT");
    const clientCard = await addCard(db.prisma, client.id);
    const base = { actorId: user.id, now: jan10 };
    await expect(subscribeMembership(db.prisma, { ...base, idempotencyKey: key(), paymentMethodId: declined.id }, { gateway })).rejects.toMatchObject({
      code: "PAYMENT_DECLINED",
      message: "The payment did not go through: The card was declined by its bank.",
    });
    await expect(subscribeMembership(db.prisma, { ...base, idempotencyKey: key(), paymentMethodId: unverified.id }, { gateway })).rejects.toMatchObject({
      code: "PAYMENT_METHOD_REQUIRED",
    });
    await expect(
      subscribeMembership(db.prisma, { actorId: client.id, now: jan10, idempotencyKey: key(), paymentMethodId: clientCard.id }, { gateway }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.prisma.membership.count({ where: { userId: { in: [user.id, client.id] } } })).toBe(0);
    expect(await db.prisma.connectLot.count({ where: { userId: user.id } })).toBe(0);
    expect(gateway.refunds).toEqual([]);
  });
  it("lets one of two simultaneous upgrades through; a charge made for the other is refunded", async () => {
    const gateway = new RecordingGateway();
    const user = await makeUser(db.prisma, "FREELANCER");
    const card = await addCard(db.prisma, user.id);
    const results = await Promise.allSettled(
      [key(), key()].map((idempotencyKey) => subscribeMembership(db.prisma, { actorId: user.id, idempotencyKey, now: jan10, paymentMethodId: card.id }, { gateway })),
    );
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    // The loser is refused before charging or, if it charged first, refunded: one charge is kept either way.
    expect(gateway.charges.length - gateway.refunds.length).toBe(1);
    expect([...gateway.charges, ...gateway.refunds].every((call) => call.amountMinor === 1499n)).toBe(true);
    expect(await membershipCharges(user.id)).toEqual([{ amountMinor: 1499n }]);
    expect(await connectsBalance(db.prisma, user.id, jan10)).toBe(70);
  });
});

describe("renewMemberships", () => {
  it("at the boundary caps the balance at 140 (surplus from the earliest-expiring lots), charges $14.99 and grants 70; a second run changes nothing", async () => {
    const admin = await makeUser(db.prisma, "ADMIN");
    const user = await makeUser(db.prisma, "FREELANCER");
    const card = await addCard(db.prisma, user.id);
    await adminGrantConnects(db.prisma, { actorId: admin.id, idempotencyKey: key(), now: days(jan10, -10), freelancerId: user.id, connects: 200, reason: "Seed" });
    await subscribeMembership(db.prisma, { actorId: user.id, idempotencyKey: key(), now: jan10, paymentMethodId: card.id });
    expect(await connectsBalance(db.prisma, user.id, jan10)).toBe(270);

    expect((await renewMemberships(db.prisma, { now: days(feb10, -1) })).renewals.filter((r) => r.userId === user.id)).toEqual([]);
    const { renewals } = await renewMemberships(db.prisma, { now: feb10 });
    expect(renewals.filter((r) => r.userId === user.id)).toEqual([
      { membershipId: expect.any(String), userId: user.id, cycleIndex: 1, outcome: "renewed", chargedMinor: 1499n, connectsGranted: 70, connectsExpired: 130, lapseReason: null },
    ]);
    expect(await connectsBalance(db.prisma, user.id, feb10)).toBe(210);
    expect(await db.prisma.connectEntry.findMany({ where: { userId: user.id, kind: "EXPIRE" } })).toMatchObject([{ delta: -130, reason: "rollover_cap" }]);
    expect(await db.prisma.membership.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({
      status: "ACTIVE",
      currentPeriodStart: feb10,
      currentPeriodEnd: mar10,
      cyclesBilled: 2,
    });
    expect(await membershipCharges(user.id)).toEqual([{ amountMinor: 1499n }, { amountMinor: 1499n }]);

    expect((await renewMemberships(db.prisma, { now: feb10 })).renewals).toEqual([]);
    expect(await connectsBalance(db.prisma, user.id, feb10)).toBe(210);
    expect(await membershipCharges(user.id)).toHaveLength(2);
  });

  it("renews once when two runs happen at the same time", async () => {
    const gateway = new RecordingGateway();
    const { user } = await member(gateway);
    const runs = await Promise.all([renewMemberships(db.prisma, { now: feb10 }, { gateway }), renewMemberships(db.prisma, { now: feb10 }, { gateway })]);
    expect(runs.flatMap((run) => run.renewals).filter((r) => r.userId === user.id)).toHaveLength(1);
    expect(await membershipCharges(user.id)).toHaveLength(2);
    expect(await connectsBalance(db.prisma, user.id, feb10)).toBe(140);
    expect(gateway.refunds).toEqual([]);
  });

  it("catches up several missed cycles one by one", async () => {
    const { user } = await member();
    const apr15 = new Date("2026-04-15T00:00:00Z");
    const { renewals } = await renewMemberships(db.prisma, { now: apr15 });
    expect(renewals.filter((r) => r.userId === user.id).map((r) => [r.cycleIndex, r.connectsExpired, r.connectsGranted])).toEqual([
      [1, 0, 70],
      [2, 0, 70],
      [3, 70, 70],
    ]);
    expect(await connectsBalance(db.prisma, user.id, apr15)).toBe(210);
    expect(await membershipCharges(user.id)).toHaveLength(4);
    expect(await db.prisma.membership.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ currentPeriodEnd: new Date("2026-05-10T12:00:00Z") });
  });

  it("downgrades when the renewal fails, keeping a recorded reason; re-subscribing keeps the anchor and prorates the running cycle", async () => {
    const gateway = new RecordingGateway();
    const { user, card } = await member(gateway);
    gateway.failNext("charge");
    const { renewals } = await renewMemberships(db.prisma, { now: feb10 }, { gateway });
    const lapseReason = "The renewal payment failed: The payment provider did not answer. Nothing was charged; try again in a moment.";
    expect(renewals.filter((r) => r.userId === user.id)).toMatchObject([{ outcome: "lapsed", chargedMinor: 0n, connectsGranted: 0, lapseReason }]);
    expect(await db.prisma.membership.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ status: "LAPSED", lapsedAt: feb10, lapseReason });
    expect(await connectsBalance(db.prisma, user.id, feb10)).toBe(70);
    expect((await renewMemberships(db.prisma, { now: mar10 }, { gateway })).renewals.filter((r) => r.userId === user.id)).toEqual([]);

    // Back on Feb 25: 13 of the cycle's 28 days remain → $14.99 × 13/28 = $6.96, 70 × 13/28 = 32.5 → 33 connects.
    const feb25 = new Date("2026-02-25T12:00:00Z");
    const again = await subscribeMembership(db.prisma, { actorId: user.id, idempotencyKey: key(), now: feb25, paymentMethodId: card.id }, { gateway });
    expect(again).toMatchObject({
      outcome: "started",
      anchorAt: jan10,
      currentPeriodStart: feb10,
      currentPeriodEnd: mar10,
      remainingDays: 13,
      cycleDays: 28,
      chargedMinor: 696n,
      connectsGranted: 33,
    });
    expect(await membershipCharges(user.id)).toEqual([{ amountMinor: 1499n }, { amountMinor: 696n }]);
    expect(await connectsBalance(db.prisma, user.id, feb25)).toBe(103);
    expect(await db.prisma.membership.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ status: "ACTIVE", lapsedAt: null, lapseReason: null, cyclesBilled: 2 });
  });
});

describe("cancelMembership", () => {
  it("stops renewal at the period end, keeps the connects, and can be resumed inside the paid cycle without a charge", async () => {
    const gateway = new RecordingGateway();
    const { user, card } = await member(gateway);
    const cancelled = await cancelMembership(db.prisma, { actorId: user.id, now: days(jan10, 5) });
    expect(cancelled).toMatchObject({ status: "CANCELLED", activeUntil: feb10 });
    expect(await cancelMembership(db.prisma, { actorId: user.id, now: days(jan10, 6) })).toEqual(cancelled);

    const resumed = await subscribeMembership(db.prisma, { actorId: user.id, idempotencyKey: key(), now: days(jan10, 7), paymentMethodId: card.id }, { gateway });
    expect(resumed).toMatchObject({ outcome: "resumed", chargedMinor: 0n, connectsGranted: 0, currentPeriodEnd: feb10, chargeRef: null });
    expect(gateway.charges).toHaveLength(1);

    await cancelMembership(db.prisma, { actorId: user.id, now: days(jan10, 8) });
    expect((await renewMemberships(db.prisma, { now: feb10 }, { gateway })).renewals.filter((r) => r.userId === user.id)).toEqual([]);
    expect(await db.prisma.membership.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ status: "CANCELLED", cyclesBilled: 1 });
    expect(await membershipCharges(user.id)).toHaveLength(1);
    expect(await connectsBalance(db.prisma, user.id, feb10)).toBe(70);
    await expect(cancelMembership(db.prisma, { actorId: user.id, now: feb10 })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses when there is no membership or the actor is not a freelancer", async () => {
    const user = await makeUser(db.prisma, "FREELANCER");
    const client = await makeUser(db.prisma, "CLIENT");
    await expect(cancelMembership(db.prisma, { actorId: user.id, now: jan10 })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "You do not have a Freelancer Plus membership.",
    });
    await expect(cancelMembership(db.prisma, { actorId: client.id, now: jan10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
