import { addUtcMonths, isAutoWithdrawalDay } from "@fairlance/rules";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addCard, assertLedgerHolds, freshDatabase, key, signedUpPerson, type TestDatabase } from "../testing";
import { advanceClock, currentTime } from "../clock";
import { balanceOf } from "../ledger/post-transfers";
import { subscribeMembership } from "../services/connects/subscribe-membership";
import { acceptOffer } from "../services/contracts/accept-offer";
import { fundMilestone } from "../services/contracts/fund-milestone";
import { makeDirectOffer } from "../services/contracts/make-direct-offer";
import { submitWork } from "../services/contracts/submit-work";
import { addPayoutMethod } from "../services/payouts/add-payout-method";
import { setAutoWithdrawal } from "../services/payouts/set-auto-withdrawal";
import { runAllTasks } from "./record-run";

const DAY = 86_400_000;
let db: TestDatabase;
const saved = process.env.FAIRLANCE_MOVABLE_CLOCK;
beforeAll(async () => {
  process.env.FAIRLANCE_MOVABLE_CLOCK = "1";
  db = await freshDatabase();
});
afterAll(async () => {
  if (saved === undefined) delete process.env.FAIRLANCE_MOVABLE_CLOCK;
  else process.env.FAIRLANCE_MOVABLE_CLOCK = saved;
  await db.drop();
});

/** What the ledgers hold: any change shows up here. */
const fingerprint = async () => {
  const [row] = await db.prisma.$queryRaw<{ t: bigint; c: bigint; p: bigint; w: bigint; m: bigint }[]>`
    SELECT (SELECT count(*) FROM "LedgerTransfer") t, (SELECT count(*) FROM "ConnectEntry") c,
           (SELECT count(*) FROM "Payment" WHERE "clearedAt" IS NOT NULL) p, (SELECT count(*) FROM "Withdrawal") w,
           (SELECT count(*) FROM "Milestone" WHERE status = 'APPROVED') m`;
  return row;
};

it("60 simulated days: every transition happens on its day, and a second run changes nothing", async () => {
  const p = db.prisma;
  const start = await currentTime(p);
  const client = await signedUpPerson(p, "CLIENT", "Clara", start);
  const freelancer = await signedUpPerson(p, "FREELANCER", "Finn", start);
  await addCard(p, client, { now: start });
  const freelancerCard = (await addCard(p, freelancer, { now: start })).id;

  // A $500 milestone, funded and submitted on day 0; nobody approves it.
  const offer = await makeDirectOffer(p, {
    actorId: client,
    idempotencyKey: key("offer"),
    now: start,
    freelancerId: freelancer,
    title: "Data cleanup",
    terms: { type: "FIXED", milestones: [{ title: "All of it", amountMinor: 50_000n }] },
  });
  await acceptOffer(p, { actorId: freelancer, idempotencyKey: key("accept"), now: start, contractId: offer.contractId });
  await fundMilestone(p, { actorId: client, idempotencyKey: key("fund"), now: start, milestoneId: offer.milestoneIds[0]! });
  await submitWork(p, { actorId: freelancer, idempotencyKey: key("submit"), now: start, milestoneId: offer.milestoneIds[0]! });
  // Freelancer Plus from day 0; weekly automatic withdrawals above $100 by ACH.
  await subscribeMembership(p, { actorId: freelancer, idempotencyKey: key("plus"), now: start, paymentMethodId: freelancerCard });
  const ach = await addPayoutMethod(p, { actorId: freelancer, idempotencyKey: key("payout-method"), kind: "ACH", account: "000123456789", label: "Checking", now: start });
  await setAutoWithdrawal(p, { actorId: freelancer, schedule: "WEEKLY", thresholdMinor: 10_000n, payoutMethodId: ach.id, now: start });

  const seen: Record<string, number[]> = { approved: [], cleared: [], withdrawn: [], membershipGrant: [], reminded: [] };
  for (let dayIndex = 1; dayIndex <= 60; dayIndex++) {
    const now = await advanceClock(p, DAY);
    const before = await fingerprint();
    await runAllTasks({ prisma: p }, now);
    const after = await fingerprint();
    // Running every job again for the same time changes nothing.
    await runAllTasks({ prisma: p }, now);
    expect(await fingerprint()).toEqual(after);

    if (after!.m > before!.m) seen.approved!.push(dayIndex);
    if (after!.p > before!.p) seen.cleared!.push(dayIndex);
    if (after!.w > before!.w) seen.withdrawn!.push(dayIndex);
    const grants = await p.connectEntry.count({ where: { userId: freelancer, reason: "membership_grant", createdAt: { gt: new Date(now.getTime() - DAY), lte: now } } });
    if (grants) seen.membershipGrant!.push(dayIndex);
    const reminders = await p.notification.count({ where: { userId: client, kind: "auto_approval_soon", createdAt: now } });
    if (reminders) seen.reminded!.push(dayIndex);
  }

  // The review window is 14 days, the security period 5 more; the client is reminded 2 days before the approval, once.
  expect(seen.reminded).toEqual([12]);
  expect(seen.approved).toEqual([14]);
  expect(seen.cleared).toEqual([19]);
  // $500 − 20% = $400 is withdrawn on the first scheduled Wednesday once it is available.
  const firstWednesday = Array.from({ length: 41 }, (_, i) => 19 + i).find((d) => isAutoWithdrawalDay("weekly", new Date(start.getTime() + d * DAY)))!;
  expect(seen.withdrawn).toEqual([firstWednesday]);
  expect(await balanceOf(p, { kind: "freelancer_available", userId: freelancer })).toBe(0n);
  // The membership grants again on each cycle boundary (anchored to day 0).
  const renewalDays = [1, 2]
    .map((cycle) => Math.ceil((addUtcMonths(start, cycle).getTime() - start.getTime()) / DAY))
    .filter((d) => d <= 60);
  expect(seen.membershipGrant).toEqual(renewalDays);

  await assertLedgerHolds(p);
}, 180_000); // 120 ticks of every economy task (17 with the two reminders): ~15–26 s alone before the reminders; 67 s measured on a busy 2-core machine (load 13).
