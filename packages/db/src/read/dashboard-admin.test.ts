import { randomUUID } from "node:crypto";
import { typedColumn } from "@fairlance/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeFixedContract, days, earn, freshDatabase, key, makeUser, makeVerifiedClient, NOW, RecordingGateway, type TestDatabase } from "../testing";
import { SandboxGateway } from "../gateway/sandbox";
import { fundMilestone } from "../services/contracts/fund-milestone";
import { submitWork } from "../services/contracts/submit-work";
import { disputeMilestone } from "../services/disputes/open-dispute";
import { addPayoutMethod } from "../services/payouts/add-payout-method";
import { clearPending } from "../services/payouts/clear-pending";
import { withdraw } from "../services/payouts/withdraw";
import { getAdminDashboard } from "./dashboard-admin";

// The admin overview counts the whole marketplace: this file has a database of its own.
let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

describe("the admin overview", () => {
  it("says nothing waits on an empty marketplace", async () => {
    expect((await getAdminDashboard(db.prisma, NOW)).waiting).toEqual({
      disputes: { count: 0, oldestOpenedAt: null },
      flaggedMessages: 0,
      refundsQueued: { count: 0, amountMinor: 0n },
      payouts: { failedLast7Days: 0, stuck: 0 },
      reconciliation: null,
      failedJobs: 0,
    });
  });

  it("counts what waits for an admin: disputes, flagged messages, refunds owed to cards, payouts, reconciliation", async () => {
    const client = await makeVerifiedClient(db.prisma);
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    // A dispute opened on day 1.
    const contract = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, milestones: [20_000n] });
    const milestoneId = contract.milestoneIds[0]!;
    await fundMilestone(db.prisma, { actorId: client.id, idempotencyKey: key(), now: NOW, milestoneId }, { gateway: new RecordingGateway() });
    await submitWork(db.prisma, { actorId: freelancer.id, idempotencyKey: key(), now: NOW, milestoneId });
    await disputeMilestone(db.prisma, { actorId: client.id, idempotencyKey: key(), now: days(NOW, 1), milestoneId, reason: "Late", statement: "The work arrived after the agreed date.", links: [] });
    // Two flagged messages, one reviewed already.
    for (const reviewedAt of [null, NOW]) {
      await db.prisma.message.create({ data: { senderId: client.id, recipientId: freelancer.id, body: "Pay me outside", flags: ["off_platform_payment"], reviewedAt, createdAt: NOW } });
    }
    // A card refund the gateway did not take.
    await db.prisma.pendingRefund.create({
      data: { chargeRef: `ch_${randomUUID()}`, amountMinor: 5_150n, idempotencyKey: key(), reason: "The offer was withdrawn", nextAttemptAt: NOW, createdAt: NOW, updatedAt: NOW },
    });
    // A payout to a closed account (failed, money back in Available) and one the provider did not answer.
    await earn(db.prisma, { clientId: client.id, freelancerId: freelancer.id, grossMinor: 50_000n, now: NOW });
    await clearPending(db.prisma, { now: days(NOW, 6) });
    const closed = await addPayoutMethod(db.prisma, { actorId: freelancer.id, idempotencyKey: key(), now: NOW, kind: "ACH", account: "000111110000", label: "Closed" });
    const paypal = await addPayoutMethod(db.prisma, { actorId: freelancer.id, idempotencyKey: key(), now: NOW, kind: "PAYPAL", account: "me@example.com", label: "PayPal" });
    await withdraw(db.prisma, { actorId: freelancer.id, payoutMethodId: closed.id, amountMinor: 5_000n, idempotencyKey: key(), now: days(NOW, 8) });
    const outage = new SandboxGateway();
    outage.failNext("payout");
    await withdraw(db.prisma, { actorId: freelancer.id, payoutMethodId: paypal.id, amountMinor: 10_000n, idempotencyKey: key(), now: days(NOW, 9) }, { gateway: outage });
    // The latest reconciliation left two orphans to look into.
    await db.prisma.reconciliationReport.create({
      data: {
        trigger: "ON_DEMAND",
        now: days(NOW, 9),
        gatewayCharges: 3,
        gatewayRefunds: 0,
        gatewayPayouts: 2,
        matched: 3,
        refundedUnrecorded: 0,
        awaitingRefund: 0,
        inFlight: 0,
        orphanCount: 2,
        orphans: typedColumn([]),
        createdAt: days(NOW, 9),
      },
    });

    const overview = await getAdminDashboard(db.prisma, days(NOW, 11));
    expect(overview.waiting).toEqual({
      disputes: { count: 1, oldestOpenedAt: days(NOW, 1) },
      flaggedMessages: 1,
      refundsQueued: { count: 1, amountMinor: 5_150n },
      payouts: { failedLast7Days: 1, stuck: 1 },
      reconciliation: { ranAt: days(NOW, 9), orphans: 2 },
      failedJobs: 0,
    });
    // A week later the failed payout is no longer recent; the rest still waits.
    expect((await getAdminDashboard(db.prisma, days(NOW, 16))).waiting.payouts).toEqual({ failedLast7Days: 0, stuck: 1 });
    expect(overview.usersByRole).toEqual(expect.arrayContaining([{ role: "CLIENT", count: 1 }, { role: "FREELANCER", count: 1 }]));
  });
});
