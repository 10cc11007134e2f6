import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { earn, freshDatabase, makeUser, type TestDatabase } from "../../testing";
import { SandboxGateway } from "../../gateway/sandbox";
import { balanceOf } from "../../ledger/post-transfers";
import { addPayoutMethod } from "./add-payout-method";
import { clearPending } from "./clear-pending";
import { getEarnings } from "../../read/earnings";
import { settleProcessingWithdrawals } from "./settle-withdrawal";
import { withdraw } from "./withdraw";
import { holdPayouts } from "../admin/hold-payouts";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase({ max: 12 });
});
afterAll(() => db.drop());

const day = 86_400_000;
const t0 = new Date("2026-03-02T09:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * day);
const available = (userId: string) => balanceOf(db.prisma, { kind: "freelancer_available", userId });

async function freelancerWithAvailable(grossMinor: bigint) {
  const client = await makeUser(db.prisma, "CLIENT");
  const freelancer = await makeUser(db.prisma, "FREELANCER");
  await earn(db.prisma, { clientId: client.id, freelancerId: freelancer.id, grossMinor, now: t0 });
  await clearPending(db.prisma, { now: at(5) });
  const method = await addPayoutMethod(db.prisma, { actorId: freelancer.id, idempotencyKey: randomUUID(), kind: "ACH", account: "000123456789", label: "Checking", now: t0 });
  return { client, freelancer, method };
}

describe("clearPending", () => {
  it("moves the net to Available exactly when the security period ends, once", async () => {
    const client = await makeUser(db.prisma, "CLIENT");
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    // $1,000 to a new client: $150 fee, $850 net (economy.md §3.5).
    await earn(db.prisma, { clientId: client.id, freelancerId: freelancer.id, grossMinor: 100_000n, now: t0 });
    expect(await balanceOf(db.prisma, { kind: "freelancer_pending", userId: freelancer.id })).toBe(85_000n);

    await clearPending(db.prisma, { now: new Date(at(5).getTime() - 1) });
    expect(await available(freelancer.id)).toBe(0n);
    await clearPending(db.prisma, { now: at(5) });
    expect(await available(freelancer.id)).toBe(85_000n);
    await clearPending(db.prisma, { now: at(5) });
    expect(await available(freelancer.id)).toBe(85_000n);

    const earnings = await getEarnings(db.prisma, freelancer.id);
    expect(earnings.balances).toMatchObject({ pendingMinor: 0n, availableMinor: 85_000n });
    // One payment (gross, fee, net into Pending), then a change of state (Pending → Available), newest first.
    expect(earnings.history.events.map((e) => [e.kind, e.payment && [e.payment.grossMinor, e.payment.feeMinor, e.payment.netMinor], e.change.pendingMinor, e.change.availableMinor])).toEqual([
      ["cleared", null, -85_000n, 85_000n],
      ["payment", [100_000n, 15_000n, 85_000n], 85_000n, 0n],
    ]);
  });
});

describe("addPayoutMethod", () => {
  it("adds one method per idempotency key: a replay returns it, another request under the key is refused", async () => {
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    const request = { actorId: freelancer.id, idempotencyKey: "payout-method-0001", kind: "ACH", account: "000123456789", label: "Checking", now: t0 } as const;
    const first = await addPayoutMethod(db.prisma, request);
    const replay = await addPayoutMethod(db.prisma, { ...request, now: at(1) });
    expect(replay).toEqual(first);
    expect(await db.prisma.payoutMethod.count({ where: { userId: freelancer.id } })).toBe(1);

    await expect(addPayoutMethod(db.prisma, { ...request, label: "Savings" })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect(await db.prisma.payoutMethod.count({ where: { userId: freelancer.id } })).toBe(1);
  });
});

describe("withdraw", () => {
  it("sends any amount from $1 minus the method fee, and replays without a second effect", async () => {
    const { freelancer, method } = await freelancerWithAvailable(10_000n); // $100 → $80 net
    const now = at(8);
    const first = await withdraw(db.prisma, { actorId: freelancer.id, payoutMethodId: method.id, amountMinor: 100n, idempotencyKey: "withdraw-0001", now });
    expect(first).toMatchObject({ status: "SENT", amountMinor: 100n, feeMinor: 0n, netMinor: 100n });
    expect(await available(freelancer.id)).toBe(7_900n);

    const replay = await withdraw(db.prisma, { actorId: freelancer.id, payoutMethodId: method.id, amountMinor: 100n, idempotencyKey: "withdraw-0001", now });
    expect(replay).toEqual(first);
    expect(await available(freelancer.id)).toBe(7_900n);
    await expect(
      withdraw(db.prisma, { actorId: freelancer.id, payoutMethodId: method.id, amountMinor: 200n, idempotencyKey: "withdraw-0001", now }),
    ).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
  });

  it("takes the method fee out of the amount (PayPal $2)", async () => {
    const { freelancer } = await freelancerWithAvailable(10_000n);
    const paypal = await addPayoutMethod(db.prisma, { actorId: freelancer.id, idempotencyKey: randomUUID(), kind: "PAYPAL", account: "fl@example.com", label: "PayPal", now: t0 });
    const sent = await withdraw(db.prisma, { actorId: freelancer.id, payoutMethodId: paypal.id, amountMinor: 5_000n, idempotencyKey: "withdraw-paypal", now: at(8) });
    expect(sent).toMatchObject({ amountMinor: 5_000n, feeMinor: 200n, netMinor: 4_800n });
    expect(await balanceOf(db.prisma, { kind: "platform_revenue", revenue: "payout_fee" })).toBeGreaterThanOrEqual(200n);
  });

  it.each([
    [99n, "WITHDRAWAL_BELOW_MINIMUM"],
    [8_001n, "WITHDRAWAL_EXCEEDS_AVAILABLE"],
  ])("refuses %s cents with %s and changes nothing", async (amountMinor, code) => {
    const { freelancer, method } = await freelancerWithAvailable(10_000n);
    await expect(withdraw(db.prisma, { actorId: freelancer.id, payoutMethodId: method.id, amountMinor, idempotencyKey: `refuse-${code}`, now: at(8) })).rejects.toMatchObject({ code });
    expect(await available(freelancer.id)).toBe(8_000n);
  });

  it("refuses a method still in its waiting days, another person's method, and non-freelancers", async () => {
    const { client, freelancer, method } = await freelancerWithAvailable(10_000n);
    const fresh = await addPayoutMethod(db.prisma, { actorId: freelancer.id, idempotencyKey: randomUUID(), kind: "WIRE", account: "DE89370400440532013000", label: "Wire", now: at(7) });
    expect(fresh.usableFrom).toEqual(at(10));
    await expect(withdraw(db.prisma, { actorId: freelancer.id, payoutMethodId: fresh.id, amountMinor: 5_000n, idempotencyKey: "too-early-1", now: at(8) })).rejects.toMatchObject({
      code: "PAYOUT_METHOD_NOT_YET_USABLE",
    });
    const other = await makeUser(db.prisma, "FREELANCER");
    await expect(withdraw(db.prisma, { actorId: other.id, payoutMethodId: method.id, amountMinor: 100n, idempotencyKey: "not-mine-1", now: at(8) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(withdraw(db.prisma, { actorId: client.id, payoutMethodId: method.id, amountMinor: 100n, idempotencyKey: "client-1", now: at(8) })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // A suspended freelancer withdraws what is theirs; an admin's hold on the payouts refuses it (economy.md §5.3).
    await db.prisma.user.update({ where: { id: freelancer.id }, data: { suspendedAt: at(8), suspendedReason: "under review" } });
    await expect(withdraw(db.prisma, { actorId: freelancer.id, payoutMethodId: method.id, amountMinor: 1_000n, idempotencyKey: "suspended-1", now: at(8) })).resolves.toMatchObject({
      status: "SENT",
    });
    expect(await available(freelancer.id)).toBe(7_000n);
    const admin = await makeUser(db.prisma, "ADMIN");
    await holdPayouts(db.prisma, { actorId: admin.id, idempotencyKey: randomUUID(), userId: freelancer.id, reason: "Chargebacks under review", now: at(8) });
    await expect(withdraw(db.prisma, { actorId: freelancer.id, payoutMethodId: method.id, amountMinor: 100n, idempotencyKey: "held-0001", now: at(8) })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "An admin holds your payouts (Chargebacks under review), so you cannot withdraw until the hold is released.",
    });
    expect(await available(freelancer.id)).toBe(7_000n);
  });

  it("returns a failed payout to Available, and retries one the provider did not answer", async () => {
    const { freelancer } = await freelancerWithAvailable(10_000n);
    const closed = await addPayoutMethod(db.prisma, { actorId: freelancer.id, idempotencyKey: randomUUID(), kind: "ACH", account: "000111110000", label: "Closed", now: t0 });
    const failed = await withdraw(db.prisma, { actorId: freelancer.id, payoutMethodId: closed.id, amountMinor: 1_000n, idempotencyKey: "fails-0001", now: at(8) });
    expect(failed).toMatchObject({ status: "FAILED", failureReason: expect.stringMatching(/account is closed/) });
    expect(await available(freelancer.id)).toBe(8_000n);

    const gateway = new SandboxGateway();
    gateway.failNext("payout");
    const method = await addPayoutMethod(db.prisma, { actorId: freelancer.id, idempotencyKey: randomUUID(), kind: "ACH", account: "000222333444", label: "Checking", now: t0 });
    const stuck = await withdraw(db.prisma, { actorId: freelancer.id, payoutMethodId: method.id, amountMinor: 1_000n, idempotencyKey: "outage-0001", now: at(8) }, { gateway });
    expect(stuck.status).toBe("PROCESSING");
    expect(await available(freelancer.id)).toBe(7_000n);
    await settleProcessingWithdrawals(db.prisma, { now: at(8) }, { gateway });
    expect(await db.prisma.withdrawal.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({ status: "SENT" });
  });

  it("never overdraws: 50 simultaneous withdrawals against one balance", async () => {
    const { freelancer, method } = await freelancerWithAvailable(10_000n); // $80.00 available
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        withdraw(db.prisma, { actorId: freelancer.id, payoutMethodId: method.id, amountMinor: 300n, idempotencyKey: `parallel-${i.toString().padStart(4, "0")}`, now: at(8) }),
      ),
    );
    const sent = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(sent).toHaveLength(26); // 26 × $3.00 = $78.00 ≤ $80.00 < 27 × $3.00
    expect(refused.every((r) => (r.reason as { code?: string }).code === "WITHDRAWAL_EXCEEDS_AVAILABLE")).toBe(true);
    expect(await available(freelancer.id)).toBe(200n);
  });
});
