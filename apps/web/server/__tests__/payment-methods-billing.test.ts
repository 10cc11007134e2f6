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
