import { randomUUID } from "node:crypto";
import { accountKey } from "@fairlance/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { earn, freshDatabase, makeUser, type TestDatabase } from "../../testing";
import { balanceOf } from "../../ledger/post-transfers";
import { checkInvariants } from "../../ledger/invariants";
import { addPayoutMethod } from "./add-payout-method";
import { clearPending } from "./clear-pending";
import { runAutoWithdrawals } from "./run-auto-withdrawals";
import { setAutoWithdrawal } from "./set-auto-withdrawal";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

const t0 = new Date("2026-03-02T09:00:00Z"); // a Monday
const at = (days: number, hours = 0) => new Date(t0.getTime() + days * 86_400_000 + hours * 3_600_000);
const WEDNESDAY = at(2); // 2026-03-04
const THURSDAY = at(3);

async function freelancerWith(grossMinor: bigint, schedule: "WEEKLY" | "MONTHLY" = "WEEKLY", threshold = 10_000n, earnedAt = at(-10)) {
  const client = await makeUser(db.prisma, "CLIENT");
  const freelancer = await makeUser(db.prisma, "FREELANCER");
  await earn(db.prisma, { clientId: client.id, freelancerId: freelancer.id, grossMinor, now: earnedAt });
  await clearPending(db.prisma, { now: new Date(earnedAt.getTime() + 5 * 86_400_000) });
  const method = await addPayoutMethod(db.prisma, { actorId: freelancer.id, idempotencyKey: randomUUID(), kind: "ACH", account: "000123456789", label: "Checking", now: at(-30) });
  await setAutoWithdrawal(db.prisma, { actorId: freelancer.id, schedule, thresholdMinor: threshold, payoutMethodId: method.id, now: t0 });
  return freelancer;
}

const available = (userId: string) => balanceOf(db.prisma, { kind: "freelancer_available", userId });

describe("automatic withdrawals", () => {
  it("refuses a threshold below $100", async () => {
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    const method = await addPayoutMethod(db.prisma, { actorId: freelancer.id, idempotencyKey: randomUUID(), kind: "ACH", account: "000123456789", label: "Checking", now: t0 });
    await expect(
      setAutoWithdrawal(db.prisma, { actorId: freelancer.id, schedule: "WEEKLY", thresholdMinor: 9_999n, payoutMethodId: method.id, now: t0 }),
    ).rejects.toThrow(/at least \$100\.00/);
  });

  it("pays the whole balance on a scheduled day at or above the threshold, once a day", async () => {
    const rich = await freelancerWith(20_000n); // $200 gross → $160 net available
    const poor = await freelancerWith(10_000n, "WEEKLY", 10_000n); // $80 net: below $100
    await runAutoWithdrawals(db.prisma, { now: THURSDAY }); // not a Wednesday
    expect(await available(rich.id)).toBe(16_000n);

    const runs = await runAutoWithdrawals(db.prisma, { now: at(9) }); // next Wednesday, 2026-03-11
    expect(runs.find((r) => r.userId === rich.id)).toMatchObject({ reason: "threshold_met" });
    expect(runs.find((r) => r.userId === poor.id)).toMatchObject({ reason: "below_threshold", withdrawalId: null });
    expect(await available(rich.id)).toBe(0n);
    expect(await available(poor.id)).toBe(8_000n);
    expect(await db.prisma.withdrawal.findFirst({ where: { userId: rich.id } })).toMatchObject({ automatic: true, status: "SENT", netMinor: 16_000n });

    const again = await runAutoWithdrawals(db.prisma, { now: at(9, 5) });
    expect(again.find((r) => r.userId === rich.id)).toMatchObject({ reason: "already_ran_today" });
    expect(await db.prisma.withdrawal.count({ where: { userId: rich.id } })).toBe(1);
  });

  it("pays money older than 180 days even below the threshold", async () => {
    const old = await freelancerWith(5_000n, "WEEKLY", 10_000n, at(-200)); // $40 net, available since day -195
    const runs = await runAutoWithdrawals(db.prisma, { now: WEDNESDAY });
    expect(runs.find((r) => r.userId === old.id)).toMatchObject({ reason: "aged_balance" });
    expect(await available(old.id)).toBe(0n);
  });
});

describe("the ledger", () => {
  it("refuses to edit or delete a transfer", async () => {
    const transfer = await db.prisma.ledgerTransfer.findFirstOrThrow();
    await expect(db.prisma.ledgerTransfer.update({ where: { id: transfer.id }, data: { amountMinor: 1n } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.ledgerTransfer.delete({ where: { id: transfer.id } })).rejects.toThrow(/append-only/);
  });

  it("the invariant check catches a cached balance that drifted from its transfers", async () => {
    // Broken on purpose: its drop() skips the invariant check.
    const other = await freshDatabase({ ledgerCheck: false });
    try {
      const client = await makeUser(other.prisma, "CLIENT");
      const freelancer = await makeUser(other.prisma, "FREELANCER");
      await earn(other.prisma, { clientId: client.id, freelancerId: freelancer.id, grossMinor: 10_000n, now: t0 });
      expect((await checkInvariants(other.prisma)).ok).toBe(true);
      await other.prisma.ledgerAccount.update({ where: { key: accountKey({ kind: "freelancer_pending", userId: freelancer.id }) }, data: { balanceMinor: { increment: 1n } } });
      const report = await checkInvariants(other.prisma);
      expect(report.ok).toBe(false);
      expect(report.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(["7.1-zero-sum", "7.2-cached-balances", "pending-payments"]);
    } finally {
      await other.drop();
    }
  });
});
