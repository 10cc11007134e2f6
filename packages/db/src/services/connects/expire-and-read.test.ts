import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spendConnects } from "../../connects/connect-ledger";
import { addCard, days, freshDatabase, key, makeUser, type TestDatabase } from "../../testing";
import { runTransaction } from "../../transaction";
import { adminGrantConnects } from "./admin-grant-connects";
import { connectsBalance } from "./balance";
import { expireConnectLots } from "./expire-connect-lots";
import { getConnectsOverview } from "../../read/connects-overview";
import { subscribeMembership } from "./subscribe-membership";
import { buyConnects } from "./buy-connects";
import { setSetting } from "./test-helpers";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

const t0 = new Date("2026-06-01T08:00:00Z");
const hours = (n: number) => new Date(t0.getTime() + n * 3_600_000);

/** A freelancer with lot A (10, expires t0+5d), lot B (20, expired t0−35d, not yet written off) and lot C (30, expires t0+365d). */
async function freelancerWithLots() {
  const admin = await makeUser(db.prisma, "ADMIN");
  const user = await makeUser(db.prisma, "FREELANCER");
  const grant = async (connects: number, at: Date, reason: string) =>
    (await adminGrantConnects(db.prisma, { actorId: admin.id, idempotencyKey: key(), now: at, freelancerId: user.id, connects, reason })).lotIds[0]!;
  const lotB = await grant(20, days(t0, -400), "Old grant");
  const lotA = await grant(10, days(t0, -360), "Last year's grant");
  const lotC = await grant(30, t0, "Welcome back");
  return { user, lotA, lotB, lotC };
}

describe("expireConnectLots", () => {
  it("writes off every lot past its expiry with a lot_expired entry, once", async () => {
    const { user, lotA, lotB } = await freelancerWithLots();
    expect(await expireConnectLots(db.prisma, { now: t0 })).toEqual({ freelancers: 1, connectsExpired: 20 });
    expect(await db.prisma.connectEntry.findMany({ where: { userId: user.id, kind: "EXPIRE" } })).toMatchObject([
      { lotId: lotB, delta: -20, reason: "lot_expired", createdAt: t0 },
    ]);
    expect(await expireConnectLots(db.prisma, { now: t0 })).toEqual({ freelancers: 0, connectsExpired: 0 });

    const later = days(t0, 5);
    expect(await expireConnectLots(db.prisma, { now: later })).toEqual({ freelancers: 1, connectsExpired: 10 });
    expect(await db.prisma.connectLot.findUniqueOrThrow({ where: { id: lotA } })).toMatchObject({ issued: 10, remaining: 0 });
    expect(await connectsBalance(db.prisma, user.id, later)).toBe(30);
    expect(await db.prisma.connectEntry.count({ where: { userId: user.id, kind: "EXPIRE" } })).toBe(2);
  });

  it("expires concurrently run jobs only once", async () => {
    const { user } = await freelancerWithLots();
    const runs = await Promise.all([expireConnectLots(db.prisma, { now: hours(1) }), expireConnectLots(db.prisma, { now: hours(1) })]);
    expect(runs.reduce((total, run) => total + run.connectsExpired, 0)).toBe(20);
    expect(await db.prisma.connectEntry.count({ where: { userId: user.id, kind: "EXPIRE" } })).toBe(1);
  });
});

describe("getConnectsOverview", () => {
  it("shows the balance, lots expiring within 30 days, every entry with its reason and job, the bundles and Plus", async () => {
    const { user, lotA } = await freelancerWithLots();
    const client = await makeUser(db.prisma, "CLIENT");
    const job = await db.prisma.job.create({
      data: { clientId: client.id, title: "Fix a flaky CSV import", description: "…", type: "FIXED", budgetMinor: 4_000n, durationDays: 1, experienceLevel: "ENTRY" },
    });
    await expireConnectLots(db.prisma, { now: t0 });
    await runTransaction(db.prisma, (tx) => spendConnects(tx, { userId: user.id, key: `test-spend:${user.id}`, now: hours(1), reason: "proposal_spend", jobId: job.id, connects: 4 }));

    const overview = await getConnectsOverview(db.prisma, user.id, hours(2));
    expect(overview.balance).toBe(36);
    expect(overview.lotsExpiringSoon).toEqual([{ lotId: lotA, connects: 6, expiresAt: days(t0, 5) }]);
    expect(overview.history.map(({ kind, delta, reason, label, note, jobTitle }) => ({ kind, delta, reason, label, note, jobTitle }))).toEqual([
      { kind: "SPEND", delta: -4, reason: "proposal_spend", label: "Spent on a proposal", note: null, jobTitle: "Fix a flaky CSV import" },
      // Both at t0: the expiry was written after the grant, so it is newer.
      { kind: "EXPIRE", delta: -20, reason: "lot_expired", label: "Expired", note: null, jobTitle: null },
      { kind: "GRANT", delta: 30, reason: "admin_grant", label: "Granted by an admin", note: "Welcome back", jobTitle: null },
      { kind: "GRANT", delta: 10, reason: "admin_grant", label: "Granted by an admin", note: "Last year's grant", jobTitle: null },
      { kind: "GRANT", delta: 20, reason: "admin_grant", label: "Granted by an admin", note: "Old grant", jobTitle: null },
    ]);
    expect(overview.bundles).toEqual([
      { size: 10, priceMinor: 150n },
      { size: 20, priceMinor: 300n },
      { size: 40, priceMinor: 600n },
      { size: 60, priceMinor: 900n },
      { size: 80, priceMinor: 1_200n },
    ]);
    expect(overview.membership).toEqual({ status: "NONE", activeUntil: null, nextGrantAt: null, monthlyConnects: 70, priceMinor: 1499n, rolloverCap: 140 });
  });

  it("shows a member when the next monthly connects arrive", async () => {
    const user = await makeUser(db.prisma, "FREELANCER");
    const card = await addCard(db.prisma, user.id);
    await subscribeMembership(db.prisma, { actorId: user.id, idempotencyKey: key(), now: t0, paymentMethodId: card.id });
    const overview = await getConnectsOverview(db.prisma, user.id, hours(1));
    expect(overview.balance).toBe(70);
    expect(overview.history).toMatchObject([{ kind: "GRANT", delta: 70, reason: "membership_grant", label: "Freelancer Plus monthly connects" }]);
    const july1 = new Date("2026-07-01T08:00:00Z");
    expect(overview.membership).toEqual({ status: "ACTIVE", activeUntil: july1, nextGrantAt: july1, monthlyConnects: 70, priceMinor: 1499n, rolloverCap: 140 });
  });
});

describe("the connects history shows what each purchase cost when it was made", () => {
  it("keeps an earlier purchase's price after the connect price changes", async () => {
    const user = await makeUser(db.prisma, "FREELANCER");
    const card = await addCard(db.prisma, user.id);
    const buy = (now: Date) =>
      buyConnects(db.prisma, { actorId: user.id, idempotencyKey: key(), now, bundleSize: 10, paidWith: "card", paymentMethodId: card.id });
    await buy(hours(1));
    await setSetting(db.prisma, "connectPriceMinor", 20n, hours(2));
    await buy(hours(3));
    const overview = await getConnectsOverview(db.prisma, user.id, hours(4));
    expect(overview.history.filter((line) => line.kind === "PURCHASE").map((line) => line.purchase)).toEqual([
      { priceMinor: 200n, connectPriceMinor: 20n, paidWith: "card" },
      { priceMinor: 150n, connectPriceMinor: 15n, paidWith: "card" },
    ]);
    expect(overview.bundles.find((bundle) => bundle.size === 10)?.priceMinor).toBe(200n);
  });
});

describe("the connects history adds up to the balance shown (economy.md §2.2)", () => {
  const checkRunning = (overview: Awaited<ReturnType<typeof getConnectsOverview>>) => {
    expect(overview.reconciles).toBe(true);
    expect(overview.history[0]!.balanceAfter).toBe(overview.balance);
    const oldestFirst = [...overview.history].reverse();
    oldestFirst.reduce((before, line) => {
      expect(line.balanceAfter).toBe(before + line.delta);
      return line.balanceAfter;
    }, 0);
    expect(overview.history.reduce((sum, line) => sum + line.delta, 0)).toBe(overview.balance);
  };

  it("with a running balance on every line, expiries not yet written included", async () => {
    const { user } = await freelancerWithLots(); // lot B (20) expired 35 days ago, not written off
    const card = await addCard(db.prisma, user.id);
    await buyConnects(db.prisma, { actorId: user.id, idempotencyKey: key(), now: hours(1), bundleSize: 10, paidWith: "card", paymentMethodId: card.id });
    await runTransaction(db.prisma, (tx) => spendConnects(tx, { userId: user.id, key: `test-spend-run:${user.id}`, now: hours(2), reason: "proposal_spend", connects: 4 }));

    const before = await getConnectsOverview(db.prisma, user.id, hours(3));
    expect(before.balance).toBe(46); // 10 + 30 + 10 − 4
    checkRunning(before);
    expect(before.history.filter((line) => !line.recorded)).toMatchObject([{ kind: "EXPIRE", delta: -20, createdAt: days(t0, -35) }]);

    await expireConnectLots(db.prisma, { now: hours(3) });
    const after = await getConnectsOverview(db.prisma, user.id, hours(3));
    checkRunning(after);
    expect(after.balance).toBe(46);
    expect(after.history.every((line) => line.recorded)).toBe(true);

    // Lot A's 6 left expire at t0 + 5 days: the balance drops at once, and the history says why.
    const later = await getConnectsOverview(db.prisma, user.id, days(t0, 6));
    expect(later.balance).toBe(40);
    checkRunning(later);
    expect(later.history[0]).toMatchObject({ kind: "EXPIRE", delta: -6, recorded: false, balanceAfter: 40 });
  });
});
