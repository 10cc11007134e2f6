import { accountKey, type RevenueKind } from "@fairlance/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeFixedContract, addCard, days, earn, freshDatabase, key, makeUser, makeVerifiedClient, NOW, type TestDatabase } from "../testing";
import { subscribeMembership } from "../services/connects/subscribe-membership";
import { approveMilestone } from "../services/contracts/approve-milestone";
import { fundMilestone } from "../services/contracts/fund-milestone";
import { payBonus } from "../services/contracts/pay-bonus";
import { refundMilestone } from "../services/contracts/refund-milestone";
import { addPayoutMethod } from "../services/payouts/add-payout-method";
import { clearPending } from "../services/payouts/clear-pending";
import { withdraw } from "../services/payouts/withdraw";
import { checkInvariants } from "./invariants";

// economy.md §7.7: every revenue account against the records its money comes from. A marketplace
// that earned each kind of revenue through the services, then each account pushed off its origin
// by one stray transfer (and put back), so each line of the check is seen to catch its own kind.
let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

const revenueCheck = async () => (await checkInvariants(db.prisma)).checks.find((c) => c.id === "7.7-revenue")!;

/** A transfer outside any service, written the way the ledger stores one, with the cached balances kept. */
async function strayTransfer(revenue: RevenueKind, amountMinor: bigint, towardsRevenue: boolean) {
  const gateway = accountKey({ kind: "card_gateway" });
  const account = accountKey({ kind: "platform_revenue", revenue });
  const [debit, credit] = towardsRevenue ? [gateway, account] : [account, gateway];
  await db.prisma.$executeRaw`INSERT INTO "LedgerAccount" (id, key, kind) VALUES (gen_random_uuid(), ${account}, 'platform_revenue') ON CONFLICT (key) DO NOTHING`;
  await db.prisma.$executeRaw`
    INSERT INTO "LedgerTransfer" ("idempotencyKey", operation, kind, "debitAccountId", "creditAccountId", "amountMinor", memo, "createdAt")
    SELECT ${`test.stray:system:${key()}#0`}, 'test.stray', 'test', d.id, c.id, ${amountMinor}, 'test', now()
    FROM "LedgerAccount" d, "LedgerAccount" c WHERE d.key = ${debit} AND c.key = ${credit}`;
  await db.prisma.$executeRaw`UPDATE "LedgerAccount" SET "balanceMinor" = "balanceMinor" - ${amountMinor} WHERE key = ${debit}`;
  await db.prisma.$executeRaw`UPDATE "LedgerAccount" SET "balanceMinor" = "balanceMinor" + ${amountMinor} WHERE key = ${credit}`;
}

describe("7.7 revenue", () => {
  it("holds for a marketplace that earned every kind of revenue, refunds included", async () => {
    const client = await makeVerifiedClient(db.prisma);
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    const contract = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, milestones: [50_000n, 20_000n] });
    const [kept, refunded] = contract.milestoneIds;
    await fundMilestone(db.prisma, { actorId: client.id, idempotencyKey: key(), now: NOW, milestoneId: kept! });
    await fundMilestone(db.prisma, { actorId: client.id, idempotencyKey: key(), now: NOW, milestoneId: refunded! });
    await refundMilestone(db.prisma, { actorId: freelancer.id, idempotencyKey: key(), now: NOW, milestoneId: refunded! });
    await approveMilestone(db.prisma, { actorId: client.id, idempotencyKey: key(), now: NOW, milestoneId: kept! });
    await payBonus(db.prisma, { actorId: client.id, idempotencyKey: key(), now: NOW, contractId: contract.contractId, amountMinor: 10_000n, note: "Thanks" });
    const card = await addCard(db.prisma, freelancer.id, { now: NOW });
    await subscribeMembership(db.prisma, { actorId: freelancer.id, idempotencyKey: key(), now: NOW, paymentMethodId: card.id });
    await earn(db.prisma, { clientId: client.id, freelancerId: freelancer.id, grossMinor: 10_000n, now: NOW });
    await clearPending(db.prisma, { now: days(NOW, 6) });
    const paypal = await addPayoutMethod(db.prisma, { actorId: freelancer.id, idempotencyKey: key(), kind: "PAYPAL", account: "fay@paypal.test", label: "PayPal", now: NOW });
    await withdraw(db.prisma, { actorId: freelancer.id, idempotencyKey: key(), now: days(NOW, 6), payoutMethodId: paypal.id, amountMinor: 5_000n });

    const revenue = async (kind: RevenueKind) =>
      (await db.prisma.ledgerAccount.findUnique({ where: { key: accountKey({ kind: "platform_revenue", revenue: kind }) } }))?.balanceMinor ?? 0n;
    // 3% of the kept $500 milestone and of the $100 bonus; the refunded milestone's fee went back.
    expect(await revenue("client_fee")).toBe(1_500n + 300n);
    expect(await revenue("membership")).toBe(1_499n);
    expect(await revenue("payout_fee")).toBe(200n);
    expect(await revenueCheck()).toMatchObject({ ok: true, violations: [] });
  });

  it.each([
    ["client_fee", "client fee revenue 1801 but milestones, hourly weeks and bonuses charged client fees (net of refunds) of 1800"],
    ["membership", "membership revenue 1500 but membership charges total 1499"],
    ["payout_fee", "payout fee revenue 201 but withdrawals that did not fail carry fees of 200"],
    ["service_fee", expect.stringMatching(/^service fee revenue \d+ but payments carry fees of \d+$/)],
    ["connect_sales", "connect sales 1 but purchases total 0"],
  ] as const)("names %s revenue that its origin does not explain", async (kind, detail) => {
    await strayTransfer(kind, 1n, true);
    expect(await revenueCheck()).toMatchObject({ ok: false, violationCount: 1, violations: [detail] });
    await strayTransfer(kind, 1n, false);
    expect(await revenueCheck()).toMatchObject({ ok: true });
  });

  it("names revenue whose origin changed behind the ledger's back (a withdrawal marked failed without giving its fee back)", async () => {
    await db.prisma.withdrawal.updateMany({ data: { status: "FAILED" } });
    expect(await revenueCheck()).toMatchObject({ ok: false, violations: ["payout fee revenue 200 but withdrawals that did not fail carry fees of 0"] });
    await db.prisma.withdrawal.updateMany({ data: { status: "SENT" } });
    expect(await revenueCheck()).toMatchObject({ ok: true });
  });
});
