import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, key, makeUser, makeVerifiedClient, type TestDatabase } from "@fairlance/db/testing";
import { callerAt, FORBIDDEN, NOT_FOUND, T0 } from "./money-helpers";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

const card = (number: string) => ({ number, expMonth: 12, expYear: 2030, cvc: "123" });

describe("paymentMethod", () => {
  it("refuses admins on list, add and verify", async () => {
    const admin = callerAt(db.prisma, await makeUser(db.prisma, "ADMIN"));
    await expect(admin.paymentMethod.list()).rejects.toMatchObject(FORBIDDEN);
    await expect(admin.paymentMethod.add({ idempotencyKey: key(), card: card("4242424242424242") })).rejects.toMatchObject(FORBIDDEN);
    await expect(admin.paymentMethod.verify({ idempotencyKey: key(), paymentMethodId: crypto.randomUUID(), code: "123456" })).rejects.toMatchObject(FORBIDDEN);
  });

  it("adds a card that verifies at once, and one that needs the bank's code (only its owner can verify it)", async () => {
    const owner = await makeUser(db.prisma, "CLIENT");
    const caller = callerAt(db.prisma, owner);
    await expect(caller.paymentMethod.list()).resolves.toEqual({ methods: [], paymentVerified: false });

    const pending = await caller.paymentMethod.add({ idempotencyKey: key(), card: card("4000 0025 0000 3155") });
    expect(pending).toMatchObject({ status: "REQUIRES_VERIFICATION", last4: "3155", verifiedAt: null });
    expect((await caller.paymentMethod.list()).paymentVerified).toBe(false);

    const stranger = callerAt(db.prisma, await makeUser(db.prisma, "FREELANCER"));
    await expect(stranger.paymentMethod.verify({ idempotencyKey: key(), paymentMethodId: pending.id, code: "123456" })).rejects.toMatchObject(NOT_FOUND);
    await expect(stranger.paymentMethod.list()).resolves.toMatchObject({ methods: [] });

    await expect(caller.paymentMethod.verify({ idempotencyKey: key(), paymentMethodId: pending.id, code: "000000" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "That verification code is not right.",
    });
    await expect(caller.paymentMethod.verify({ idempotencyKey: key(), paymentMethodId: pending.id, code: "123456" })).resolves.toMatchObject({ status: "VERIFIED" });
    const list = await caller.paymentMethod.list();
    expect(list.paymentVerified).toBe(true);
    expect(list.methods).toHaveLength(1);
  });

  it("replays a double-clicked add once, and lets a freelancer hold a card", async () => {
    const freelancer = callerAt(db.prisma, await makeUser(db.prisma, "FREELANCER"));
    const idempotencyKey = key();
    const first = await freelancer.paymentMethod.add({ idempotencyKey, card: card("4242424242424242") });
    const second = await freelancer.paymentMethod.add({ idempotencyKey, card: card("4242424242424242") });
    expect(second.id).toBe(first.id);
    expect((await freelancer.paymentMethod.list()).methods).toHaveLength(1);
  });
});

describe("billing.history", () => {
  it("is for clients, and shows only the client's own charges and refunds with their purpose", async () => {
    const freelancerUser = await makeUser(db.prisma, "FREELANCER");
    await expect(callerAt(db.prisma, freelancerUser).billing.history()).rejects.toMatchObject(FORBIDDEN);

    const client = await makeVerifiedClient(db.prisma, { now: T0 });
    const caller = callerAt(db.prisma, client);
    await expect(caller.billing.history()).resolves.toEqual([]);
    const offer = await caller.contract.offer({
      idempotencyKey: key(),
      freelancerId: freelancerUser.id,
      title: "Logo",
      terms: { type: "FIXED", milestones: [{ title: "Sketches", amountMinor: 10_000n }] },
    });
    await caller.milestone.fund({ idempotencyKey: key(), milestoneId: offer.milestoneIds[0]! });
    // The freelancer declines the offer: the milestone funded with it is refunded.
    await callerAt(db.prisma, freelancerUser).contract.decline({ idempotencyKey: key(), contractId: offer.contractId });

    const history = await caller.billing.history();
    expect(history.map((line) => [line.kind, line.amountMinor])).toEqual(
      expect.arrayContaining([
        ["charge", 10_300n],
        ["refund", -10_300n],
      ]),
    );
    expect(history.find((line) => line.kind === "charge")?.description).toContain('milestone "Sketches" (Logo)');
    const other = await makeVerifiedClient(db.prisma, { now: T0 });
    await expect(callerAt(db.prisma, other).billing.history()).resolves.toEqual([]);
  });
});

describe("billing.statement", () => {
  it("adds up, event by event, to what the client was charged, refunded, holds in escrow, paid and spent in fees", async () => {
    const freelancerUser = await makeUser(db.prisma, "FREELANCER");
    const client = await makeVerifiedClient(db.prisma, { now: T0 });
    const caller = callerAt(db.prisma, client);
    const offer = await caller.contract.offer({
      idempotencyKey: key(),
      freelancerId: freelancerUser.id,
      title: "Shop",
      terms: { type: "FIXED", milestones: [{ title: "Design", amountMinor: 30_000n }, { title: "Build", amountMinor: 90_000n }, { title: "Launch", amountMinor: 10_000n }] },
    });
    await callerAt(db.prisma, freelancerUser).contract.accept({ idempotencyKey: key(), contractId: offer.contractId });
    const [design, build, launch] = offer.milestoneIds as [string, string, string];
    for (const milestoneId of [design, build, launch]) await caller.milestone.fund({ idempotencyKey: key(), milestoneId });
    await caller.milestone.approve({ idempotencyKey: key(), milestoneId: design });
    await caller.milestone.requestRefund({ idempotencyKey: key(), milestoneId: launch, reason: "Launch moved in-house" });
    await callerAt(db.prisma, freelancerUser).milestone.refund({ idempotencyKey: key(), milestoneId: launch });
    await caller.contract.payBonus({ idempotencyKey: key(), contractId: offer.contractId, amountMinor: 5_000n });

    const statement = await caller.billing.statement();
    expect(statement.reconciles).toBe(true);
    // Charged $300 + $900 + $100 + $50, each with 3%; $100 + $3 refunded; $900 in escrow; $300 + $50 paid; fees kept on the rest.
    expect(statement.closing).toEqual({ chargedMinor: 139_050n, refundedMinor: 10_300n, inEscrowMinor: 90_000n, paidMinor: 35_000n, clientFeesMinor: 3_750n });
    expect(statement.closing.chargedMinor - statement.closing.refundedMinor).toBe(statement.closing.inEscrowMinor + statement.closing.paidMinor + statement.closing.clientFeesMinor);
    expect(statement.ledgerEscrowMinor).toBe(statement.closing.inEscrowMinor);
    // The running amounts: each event is the one before plus its change; the newest is the summary.
    const FIELDS = ["chargedMinor", "refundedMinor", "inEscrowMinor", "paidMinor", "clientFeesMinor"] as const;
    const oldestFirst = [...statement.events].reverse();
    for (const [index, event] of oldestFirst.entries()) {
      const before = index === 0 ? undefined : oldestFirst[index - 1]!.balance;
      for (const field of FIELDS) expect(event.balance[field]).toBe((before?.[field] ?? 0n) + event.change[field]);
    }
    expect(statement.events[0]!.balance).toEqual(statement.closing);
    expect(statement.events.map((e) => e.kind).reverse()).toEqual(["funded", "funded", "funded", "released", "refunded", "bonus"]);
    // The card lines say the same: what was charged and refunded.
    const lines = await caller.billing.history();
    expect(lines.filter((l) => l.kind === "charge").reduce((sum, l) => sum + l.amountMinor, 0n)).toBe(statement.closing.chargedMinor);
    expect(-lines.filter((l) => l.kind === "refund").reduce((sum, l) => sum + l.amountMinor, 0n)).toBe(statement.closing.refundedMinor);
  });
});
