import type { IdempotentCall } from "../../idempotency";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeTyped } from "../../codec/typed-json";
import { DomainError } from "../../errors";
import { checkInvariants, formatInvariantReport } from "../../ledger/invariants";
import { runAllTasks } from "../../runner/record-run";
import { addCard, assertLedgerHolds, days, freshDatabase, key, makeUser, makeVerifiedClient, NOW, RecordingGateway, type TestDatabase } from "../../testing";
import { buyConnects } from "../connects/buy-connects";
import { setSetting } from "../connects/test-helpers";
import { chargeThenCommit } from "./card-charges";
import { nextRefundAttempt, REFUND_RETRY_FIRST_MS, retryPendingRefunds } from "./pending-refunds";
import { listAllActivity, runReconciliation } from "./reconcile-gateway";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => {
  await db.drop(); // checks the ledger invariants first
});

const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

/** A card charge whose transaction then refuses (as a milestone funded meanwhile would). */
async function refusedCharge(gateway: RecordingGateway, amountMinor = 12_345n) {
  const clientId = (await makeVerifiedClient(db.prisma)).id;
  const call: IdempotentCall = { operation: "test.refused", userId: clientId, key: key(), request: { amountMinor } };
  const refusal = await chargeThenCommit(db.prisma, gateway, {
    call,
    prepare: async () => ({ payerId: clientId, amountMinor, description: "refused" }),
    commit: async () => {
      throw new DomainError("CONFLICT", "Refused after the charge.");
    },
  }).then(
    () => expect.fail("the transaction should have refused"),
    (error: unknown) => error as DomainError,
  );
  expect(refusal.code).toBe("CONFLICT");
  return { clientId, chargeRef: gateway.charges.at(-1)!.ref, message: refusal.message };
}

const refundsAtGateway = async (gateway: RecordingGateway, chargeRef: string) =>
  (await listAllActivity(gateway)).filter((item) => item.kind === "REFUND" && item.chargeRef === chargeRef);

describe("refunds owed after a refused transaction", () => {
  it("refunds at once when the gateway takes the refund: nothing is queued", async () => {
    const gateway = new RecordingGateway();
    const { chargeRef, message } = await refusedCharge(gateway);
    expect(message).toBe("Refused after the charge. The charge to your card was refunded.");
    expect(await refundsAtGateway(gateway, chargeRef)).toHaveLength(1);
    expect(await db.prisma.pendingRefund.count({ where: { chargeRef } })).toBe(0);
  });

  it("queues a refund the gateway refuses; the runner retries it with backoff, under the same key, and refunds once", async () => {
    const gateway = new RecordingGateway();
    gateway.failNext("refund", 2);
    const { chargeRef, message } = await refusedCharge(gateway);
    expect(message).toBe("Refused after the charge. The charge to your card is being refunded: the payment provider did not answer, so the refund is queued and retried automatically.");
    const queued = await db.prisma.pendingRefund.findMany({ where: { chargeRef } });
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ status: "PENDING", amountMinor: 12_345n, attempts: 1, refundRef: null });
    expect(queued[0]!.reason).toContain("Refused after the charge.");
    expect(queued[0]!.lastError).toContain("did not answer");
    expect(await refundsAtGateway(gateway, chargeRef)).toHaveLength(0);
    // While it is pending the ledger shows nothing of the charge, and every invariant holds.
    expect(await db.prisma.charge.count({ where: { gatewayRef: chargeRef } })).toBe(0);
    await assertLedgerHolds(db.prisma);

    const clock = await db.prisma.pendingRefund.findUniqueOrThrow({ where: { chargeRef }, select: { createdAt: true, nextAttemptAt: true } });
    expect(clock.nextAttemptAt.getTime() - clock.createdAt.getTime()).toBe(REFUND_RETRY_FIRST_MS);
    const firstDue = clock.nextAttemptAt;

    // Not due yet: the runner leaves it alone.
    const early = await retryPendingRefunds(db.prisma, { now: new Date(firstDue.getTime() - 1) }, { gateway });
    expect(early.failed.concat().map((f) => f.chargeRef)).not.toContain(chargeRef);
    // Due: the gateway is still down (the second failNext): one more attempt, the wait doubles.
    const second = await retryPendingRefunds(db.prisma, { now: firstDue }, { gateway });
    expect(second.failed).toEqual([expect.objectContaining({ chargeRef, attempts: 2, nextAttemptAt: nextRefundAttempt(firstDue, 2) })]);
    expect(nextRefundAttempt(firstDue, 2).getTime() - firstDue.getTime()).toBe(2 * REFUND_RETRY_FIRST_MS);

    // The runner's tick (every economy task) refunds it; a second tick refunds nothing more.
    const due = nextRefundAttempt(firstDue, 2);
    const tick = await runAllTasks({ prisma: db.prisma, gateway }, due);
    expect(tick.retry_pending_refunds).toMatchObject({ refunded: [expect.objectContaining({ chargeRef, amountMinor: 12_345n, attempts: 3 })] });
    await runAllTasks({ prisma: db.prisma, gateway }, minutes(24 * 60 * 3));
    const done = await db.prisma.pendingRefund.findUniqueOrThrow({ where: { chargeRef } });
    expect(done).toMatchObject({ status: "REFUNDED", attempts: 3, lastError: null, refundedAt: due });
    expect(await refundsAtGateway(gateway, chargeRef)).toEqual([expect.objectContaining({ ref: done.refundRef, amountMinor: 12_345n })]);
    // Every attempt sent the same key.
    expect(new Set(gateway.refunds.filter((r) => r.chargeRef === chargeRef).map((r) => r.idempotencyKey))).toEqual(new Set([done.idempotencyKey]));
    await assertLedgerHolds(db.prisma);
  });

  it("two runners retrying the same refund at once refund the card once", async () => {
    const gateway = new RecordingGateway();
    gateway.failNext("refund");
    const { chargeRef } = await refusedCharge(gateway, 5_000n);
    const due = (await db.prisma.pendingRefund.findUniqueOrThrow({ where: { chargeRef } })).nextAttemptAt;
    const [a, b] = await Promise.all([
      retryPendingRefunds(db.prisma, { now: due }, { gateway }),
      retryPendingRefunds(db.prisma, { now: due }, { gateway }),
    ]);
    expect([...a.refunded, ...b.refunded].filter((r) => r.chargeRef === chargeRef).length).toBeGreaterThanOrEqual(1);
    expect(await refundsAtGateway(gateway, chargeRef)).toHaveLength(1);
    expect(await db.prisma.pendingRefund.findUniqueOrThrow({ where: { chargeRef } })).toMatchObject({ status: "REFUNDED" });
  });

  it("keeps the charge, refunding nothing, when a replay of its request recorded it meanwhile", async () => {
    const gateway = new RecordingGateway();
    gateway.failNext("refund");
    const { clientId, chargeRef } = await refusedCharge(gateway, 7_000n);
    const method = await db.prisma.paymentMethod.findFirstOrThrow({ where: { userId: clientId }, select: { id: true } });
    await db.prisma.charge.create({ data: { userId: clientId, paymentMethodId: method.id, amountMinor: 7_000n, purpose: "replayed", gatewayRef: chargeRef, createdAt: NOW } });
    // Until the runner sees it, the invariant check reports the queue would give back a recorded charge.
    const report = await checkInvariants(db.prisma);
    expect(report.checks.find((c) => c.id === "pending-refunds")?.violations.join(), formatInvariantReport(report)).toContain(chargeRef);
    const due = (await db.prisma.pendingRefund.findUniqueOrThrow({ where: { chargeRef } })).nextAttemptAt;
    expect((await retryPendingRefunds(db.prisma, { now: due }, { gateway })).kept).toEqual([{ chargeRef }]);
    expect(await refundsAtGateway(gateway, chargeRef)).toHaveLength(0);
    expect((await checkInvariants(db.prisma)).checks.find((c) => c.id === "pending-refunds")?.ok).toBe(true);
  });
});

describe("refunds owed after a refused connects purchase (services/connects/payment.ts)", () => {
  it("queues the refund the gateway refuses, instead of only logging it; the runner gives it back once", async () => {
    const gateway = new RecordingGateway();
    const user = await makeUser(db.prisma, "FREELANCER");
    const method = await addCard(db.prisma, user.id);
    const at = days(NOW, 30);
    // The price changes between the charge and its transaction: the purchase refuses.
    gateway.afterNextCharge = async () => {
      await setSetting(db.prisma, "connectPriceMinor", 25n, days(at, -1));
    };
    gateway.failNext("refund");
    await expect(
      buyConnects(db.prisma, { actorId: user.id, idempotencyKey: key(), now: at, bundleSize: 20, paidWith: "card", paymentMethodId: method.id }, { gateway }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "The price of connects changed a moment ago: review the new price and try again. The charge to your card is being refunded: the payment provider did not answer, so the refund is queued and retried automatically.",
    });
    const [queued, ...more] = await db.prisma.pendingRefund.findMany({ where: { reason: { contains: "price" } } });
    expect(more).toEqual([]);
    expect(queued).toMatchObject({ status: "PENDING", amountMinor: gateway.charges.at(-1)!.amountMinor, attempts: 1 }); // 20 connects at the old price
    await runAllTasks({ prisma: db.prisma, gateway }, queued!.nextAttemptAt);
    await runAllTasks({ prisma: db.prisma, gateway }, days(queued!.nextAttemptAt, 1));
    expect(await db.prisma.pendingRefund.findUniqueOrThrow({ where: { id: queued!.id } })).toMatchObject({ status: "REFUNDED", attempts: 2 });
    expect((await listAllActivity(gateway)).filter((item) => item.kind === "REFUND")).toHaveLength(1);
  });
});

describe("reconciliation with the gateway", () => {
  it("matches charges, counts refunded and awaiting ones, and reports orphans", async () => {
    const gateway = new RecordingGateway();
    const adminId = (await makeUser(db.prisma, "ADMIN")).id;
    // A refused charge refunded at once, and one whose refund is queued.
    await refusedCharge(gateway, 1_000n);
    gateway.failNext("refund");
    await refusedCharge(gateway, 2_000n);
    // Charged at the gateway and never recorded nor refunded (a process died between the two).
    const lost = await gateway.charge({ cardRef: "card_succeeds_x", amountMinor: 3_000n, idempotencyKey: key(), description: "lost" });
    // Recorded, but with another amount than the gateway charged; and a row the gateway never saw.
    const clientId = (await makeVerifiedClient(db.prisma)).id;
    const method = await db.prisma.paymentMethod.findFirstOrThrow({ where: { userId: clientId }, select: { id: true } });
    const wrong = await gateway.charge({ cardRef: "card_succeeds_x", amountMinor: 4_000n, idempotencyKey: key(), description: "wrong" });
    const row = (gatewayRef: string, amountMinor: bigint) => ({ userId: clientId, paymentMethodId: method.id, amountMinor, purpose: "test", gatewayRef, createdAt: NOW });
    await db.prisma.charge.createMany({ data: [row(wrong.ok ? wrong.ref : "", 4_100n), row("ch_unknown_to_the_gateway", 5_000n)] });
    const matchedCharge = await gateway.charge({ cardRef: "card_succeeds_x", amountMinor: 6_000n, idempotencyKey: key(), description: "fine" });
    await db.prisma.charge.create({ data: row(matchedCharge.ok ? matchedCharge.ref : "", 6_000n) });

    await expect(runReconciliation(db.prisma, { actorId: clientId, now: NOW })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(runReconciliation(db.prisma, { actorId: adminId, now: NOW, extra: 1 } as never)).rejects.toMatchObject({ code: "INVALID_REQUEST" });

    // Just made: the unmatched gateway items may still be committing.
    const fresh = await runReconciliation(db.prisma, { actorId: adminId, now: NOW }, { gateway });
    expect(fresh).toMatchObject({ gatewayCharges: 5, gatewayRefunds: 1, matched: 1, refundedUnrecorded: 1, awaitingRefund: 1, inFlight: 1 });

    const report = await runReconciliation(db.prisma, { actorId: adminId, now: NOW }, { gateway, inFlightMs: 0 });
    expect(report).toMatchObject({ matched: 1, refundedUnrecorded: 1, awaitingRefund: 1, inFlight: 0, trigger: "ON_DEMAND" });
    expect(report.orphans.map((o) => [o.kind, o.ref, o.amountMinor])).toEqual(
      expect.arrayContaining([
        ["GATEWAY_CHARGE_UNRECORDED", lost.ok && lost.ref, 3_000n],
        ["CHARGE_AMOUNT_MISMATCH", wrong.ok && wrong.ref, 4_000n],
        ["CHARGE_UNKNOWN_TO_GATEWAY", "ch_unknown_to_the_gateway", 5_000n],
      ]),
    );
    const stored = await db.prisma.reconciliationReport.findUniqueOrThrow({ where: { id: report.id } });
    expect(stored).toMatchObject({ requestedById: adminId, orphanCount: report.orphans.length, matched: 1 });
    expect(decodeTyped(stored.orphans)).toEqual(report.orphans);
    await db.prisma.charge.deleteMany({ where: { userId: clientId } });
  });

  it("runs once per marketplace day from the runner", async () => {
    const gateway = new RecordingGateway();
    const day = new Date("2026-12-01T00:05:00Z");
    const first = await runAllTasks({ prisma: db.prisma, gateway }, day);
    const later = await runAllTasks({ prisma: db.prisma, gateway }, new Date("2026-12-01T23:59:00Z"));
    expect(first.reconcile_gateway).toMatchObject({ ran: true });
    expect(later.reconcile_gateway).toMatchObject({ ran: false });
    expect(await db.prisma.reconciliationReport.count({ where: { trigger: "SCHEDULED", day: new Date("2026-12-01T00:00:00Z") } })).toBe(1);
  });
});
