import { addDays } from "@fairlance/rules";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addCard, assertLedgerHolds, earn, freshDatabase, grantConnects, key, makeUser, RecordingGateway, type TestDatabase } from "../testing";
import { adminGrantConnects } from "../services/connects/admin-grant-connects";
import { adminRevokeConnects } from "../services/connects/admin-revoke-connects";
import { grantRisingTalent } from "../services/connects/grant-rising-talent";
import { renewMemberships } from "../services/connects/renew-memberships";
import { subscribeMembership } from "../services/connects/subscribe-membership";
import { warnExpiringConnects } from "../services/connects/warn-expiring-connects";
import { addPayoutMethod } from "../services/payouts/add-payout-method";
import { clearPending } from "../services/payouts/clear-pending";
import { withdraw } from "../services/payouts/withdraw";
import { notificationsWrittenBy } from "./test-helpers";

// Payments, withdrawals, memberships and connects in the catalogue (economy.md §11).
let db: TestDatabase;
let admin: string;
beforeAll(async () => {
  db = await freshDatabase();
  admin = (await makeUser(db.prisma, "ADMIN")).id;
});
afterEach(() => assertLedgerHolds(db.prisma));
afterAll(() => db.drop());

const written = (action: () => Promise<unknown>) => notificationsWrittenBy(db.prisma, action);
const t0 = new Date("2026-03-02T09:00:00Z");
const at = (days: number) => addDays(t0, days);

describe("withdrawals", () => {
  async function freelancerWithAvailable() {
    const client = await makeUser(db.prisma, "CLIENT");
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    // $100 from a new client: $20 fee, $80 available after the security period.
    await earn(db.prisma, { clientId: client.id, freelancerId: freelancer.id, grossMinor: 10_000n, now: t0 });
    await clearPending(db.prisma, { now: at(5) });
    return freelancer;
  }

  it("tells the freelancer a withdrawal was sent, with amount, fee and net; a replay tells no one", async () => {
    const freelancer = await freelancerWithAvailable();
    const paypal = await addPayoutMethod(db.prisma, { actorId: freelancer.id, idempotencyKey: randomUUID(), kind: "PAYPAL", account: "fl@example.com", label: "PayPal", now: t0 });
    const input = { actorId: freelancer.id, payoutMethodId: paypal.id, amountMinor: 5_000n, idempotencyKey: key(), now: at(8) };
    let withdrawalId = "";
    const notes = await written(async () => (withdrawalId = (await withdraw(db.prisma, input)).id));
    expect(notes).toEqual([
      {
        userId: freelancer.id,
        kind: "withdrawal_sent",
        eventKey: `withdrawal_sent:${withdrawalId}`,
        link: "/payouts",
        title: "Withdrawal sent: $48.00",
        body: "$50.00 left your balance: $2.00 method fee, $48.00 sent to PayPal (….com).",
        data: { amountMinor: 5_000n, feeMinor: 200n, netMinor: 4_800n, methodLabel: "PayPal (….com)" },
      },
    ]);
    expect(await written(() => withdraw(db.prisma, input))).toEqual([]);
    // Refused (more than is available): nothing.
    expect(await written(() => expect(withdraw(db.prisma, { ...input, idempotencyKey: key(), amountMinor: 9_000n })).rejects.toMatchObject({ code: "WITHDRAWAL_EXCEEDS_AVAILABLE" }))).toEqual([]);
  });

  it("tells the freelancer a withdrawal failed and why, the money back in Available", async () => {
    const freelancer = await freelancerWithAvailable();
    const closed = await addPayoutMethod(db.prisma, { actorId: freelancer.id, idempotencyKey: randomUUID(), kind: "ACH", account: "000111110000", label: "Closed", now: t0 });
    const notes = await written(() => withdraw(db.prisma, { actorId: freelancer.id, payoutMethodId: closed.id, amountMinor: 1_000n, idempotencyKey: key(), now: at(8) }));
    expect(notes).toMatchObject([
      { userId: freelancer.id, kind: "withdrawal_failed", link: "/payouts", data: { amountMinor: 1_000n, methodLabel: "Closed (…0000)", reason: "the bank returned the payout: the account is closed" } },
    ]);
    expect(notes[0]!.body).toBe("The withdrawal of $10.00 to Closed (…0000) failed (the bank returned the payout: the account is closed); the money is back in your available balance.");
  });
});

describe("memberships", () => {
  const jan10 = new Date("2026-01-10T12:00:00Z");
  const feb10 = new Date("2026-02-10T12:00:00Z");
  const mar10 = new Date("2026-03-10T12:00:00Z");

  it("tells a new member of the connects granted, each renewal with price, connects and next date, and a failed renewal with why", async () => {
    const gateway = new RecordingGateway();
    const user = await makeUser(db.prisma, "FREELANCER");
    const card = await addCard(db.prisma, user.id);
    const subscribe = { actorId: user.id, idempotencyKey: key(), now: jan10, paymentMethodId: card.id };
    const joined = await written(() => subscribeMembership(db.prisma, subscribe, { gateway }));
    const lot = await db.prisma.connectLot.findFirstOrThrow({ where: { userId: user.id, source: "MEMBERSHIP" } });
    expect(joined).toEqual([
      {
        userId: user.id,
        kind: "connects_granted",
        eventKey: `connects_granted:${lot.id}`,
        link: "/connects",
        title: "70 connects added",
        body: "70 connects added (with your Freelancer Plus membership), valid until Jan 10, 2027.",
        data: { connects: 70, reason: "with your Freelancer Plus membership", expiresAt: addDays(jan10, 365) },
      },
    ]);
    expect(await written(() => subscribeMembership(db.prisma, subscribe, { gateway }))).toEqual([]);

    const mine = (notes: { userId: string }[]) => notes.filter((n) => n.userId === user.id);
    const renewed = mine(await written(() => renewMemberships(db.prisma, { now: feb10 }, { gateway })));
    const membership = await db.prisma.membership.findUniqueOrThrow({ where: { userId: user.id } });
    expect(renewed).toEqual([
      {
        userId: user.id,
        kind: "membership_renewed",
        eventKey: `membership_renewed:${membership.id}:1`,
        link: "/connects",
        title: "Membership renewed",
        body: "Your membership was renewed for $14.99, with 70 connects. Next renewal: Mar 10, 2026.",
        data: { amountMinor: 1499n, connects: 70, renewsAt: mar10 },
      },
    ]);
    expect(mine(await written(() => renewMemberships(db.prisma, { now: feb10 }, { gateway })))).toEqual([]);

    // The card on file is now one the bank declines: the next renewal fails and the member is told why.
    const declining = await addCard(db.prisma, user.id, { card: "declines" });
    await db.prisma.membership.update({ where: { id: membership.id }, data: { paymentMethodId: declining.id } });
    const failed = mine(await written(() => renewMemberships(db.prisma, { now: mar10 }, { gateway })));
    expect(failed).toEqual([
      {
        userId: user.id,
        kind: "membership_failed",
        eventKey: `membership_failed:${membership.id}:2`,
        link: "/connects",
        title: "Membership renewal failed",
        body: "We could not charge $14.99 for your membership (the card was declined by its bank). Update your card to keep it.",
        data: { amountMinor: 1499n, reason: "the card was declined by its bank" },
      },
    ]);
    expect(mine(await written(() => renewMemberships(db.prisma, { now: mar10 }, { gateway })))).toEqual([]);
  });
});

describe("connects granted by an admin", () => {
  it("tells the freelancer of an admin grant with the admin's reason, and of the Rising Talent connects; replays and refusals tell no one", async () => {
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    const grant = { actorId: admin, idempotencyKey: key(), now: t0, freelancerId: freelancer.id, connects: 15, reason: "Sorry for the outage" };
    const notes = await written(() => adminGrantConnects(db.prisma, grant));
    expect(notes).toMatchObject([
      { userId: freelancer.id, kind: "connects_granted", link: "/connects", data: { connects: 15, reason: "from Fairlance: Sorry for the outage", expiresAt: addDays(t0, 365) } },
    ]);
    expect(notes[0]!.body).toBe("15 connects added (from Fairlance: Sorry for the outage), valid until Mar 2, 2027.");
    expect(await written(() => adminGrantConnects(db.prisma, grant))).toEqual([]);
    expect(await written(() => expect(adminGrantConnects(db.prisma, { ...grant, idempotencyKey: key(), actorId: freelancer.id })).rejects.toMatchObject({ code: "FORBIDDEN" }))).toEqual([]);

    const award = { actorId: admin, idempotencyKey: key(), now: t0, freelancerId: freelancer.id, reason: "Great first month" };
    expect(await written(() => grantRisingTalent(db.prisma, award))).toMatchObject([
      { userId: freelancer.id, kind: "connects_granted", data: { connects: 30, reason: "with your Rising Talent badge" } },
    ]);
    expect(await written(() => grantRisingTalent(db.prisma, award))).toEqual([]);
    expect(await written(() => expect(grantRisingTalent(db.prisma, { ...award, idempotencyKey: key() })).rejects.toMatchObject({ code: "CONFLICT" }))).toEqual([]);
  });
});

describe("connects expiring within 7 days (warn_expiring_connects)", () => {
  it("warns once per lot still holding connects, with how many and when, and never for a spent or expired lot", async () => {
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    const soon = await grantConnects(db.prisma, freelancer.id, 12, t0, at(10));
    const later = await grantConnects(db.prisma, freelancer.id, 5, t0, at(30));
    // A lot already used up: an admin takes back 4 connects, which come from the lot expiring first.
    const spent = await grantConnects(db.prisma, freelancer.id, 4, t0, at(9));
    await adminRevokeConnects(db.prisma, { actorId: admin, idempotencyKey: key(), now: t0, freelancerId: freelancer.id, connects: 4, reason: "Test" });
    expect(await db.prisma.connectLot.findUniqueOrThrow({ where: { id: spent } })).toMatchObject({ remaining: 0 });
    const mine = (notes: { userId: string }[]) => notes.filter((n) => n.userId === freelancer.id);

    expect(mine(await written(() => warnExpiringConnects(db.prisma, { now: at(2) })))).toEqual([]);
    const warned = mine(await written(() => warnExpiringConnects(db.prisma, { now: at(3) })));
    expect(warned).toEqual([
      {
        userId: freelancer.id,
        kind: "connects_expiring",
        eventKey: `connects_expiring:${soon}`,
        link: "/connects",
        title: "12 connects expire on Mar 12, 2026",
        body: "Use them before Mar 12, 2026; unused connects expire and are not refunded.",
        data: { connects: 12, expiresAt: at(10) },
      },
    ]);
    // The same tick, and every later one: not again for that lot.
    expect(mine(await written(() => warnExpiringConnects(db.prisma, { now: at(3) })))).toEqual([]);
    expect(mine(await written(() => warnExpiringConnects(db.prisma, { now: at(9) })))).toEqual([]);
    // The later lot when its turn comes.
    expect(mine(await written(() => warnExpiringConnects(db.prisma, { now: at(23) })))).toMatchObject([{ eventKey: `connects_expiring:${later}`, data: { connects: 5 } }]);
  });
});
