import { afterAll, beforeAll, expect, it } from "vitest";
import { addCard, assertLedgerHolds, freshDatabase, key, signedUpPerson, type TestDatabase } from "../testing";
import { buyConnects } from "../services/connects/buy-connects";
import { getConnectsOverview } from "../read/connects-overview";
import { acceptOffer } from "../services/contracts/accept-offer";
import { approveMilestone } from "../services/contracts/approve-milestone";
import { fundMilestone } from "../services/contracts/fund-milestone";
import { hireProposal } from "../services/contracts/hire-proposal";
import { logTime } from "../services/contracts/log-time";
import { makeDirectOffer } from "../services/contracts/make-direct-offer";
import { requestRefund } from "../services/contracts/request-refund";
import { refundMilestone } from "../services/contracts/refund-milestone";
import { submitWork } from "../services/contracts/submit-work";
import { closeJob } from "../services/jobs/close-job";
import { postJob } from "../services/jobs/post-job";
import { submitProposal } from "../services/jobs/submit-proposal";
import { addPayoutMethod } from "../services/payouts/add-payout-method";
import { getEarnings } from "../read/earnings";
import { withdraw } from "../services/payouts/withdraw";
import { runAllTasks } from "../runner/record-run";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

const monday = new Date("2026-03-02T09:00:00Z");
const day = (n: number, hours = 0) => new Date(monday.getTime() + n * 86_400_000 + hours * 3_600_000);
const cover = "I have done this kind of work many times and can start today.";
const job = (title: string, budgetMinor: bigint, durationDays: number) => ({
  title,
  description: `${title}: the full brief is attached to this job post.`,
  type: "FIXED" as const,
  budgetMinor,
  durationDays,
  experienceLevel: "INTERMEDIATE" as const,
  skills: ["TypeScript"],
  publish: true,
});

it("a whole marketplace week leaves every ledger invariant intact", async () => {
  const p = db.prisma;
  // Monday: people arrive, cards are added (one needs verification), a freelancer buys connects.
  const acme = await signedUpPerson(p, "CLIENT", "Acme", day(0));
  const globex = await signedUpPerson(p, "CLIENT", "Globex", day(0));
  const [ana, ben, cy] = [await signedUpPerson(p, "FREELANCER", "Ana", day(0)), await signedUpPerson(p, "FREELANCER", "Ben", day(0)), await signedUpPerson(p, "FREELANCER", "Cy", day(0))];
  const acmeCard = (await addCard(p, acme, { now: day(0) })).id;
  await addCard(p, globex, { card: "requiresVerification", verify: true, now: day(0) });
  const anaCard = (await addCard(p, ana, { now: day(0) })).id;
  await buyConnects(p, { actorId: ana, idempotencyKey: key("buy"), now: day(0), bundleSize: 40, paidWith: "card", paymentMethodId: anaCard });
  expect((await getConnectsOverview(p, ana, day(0))).balance).toBe(60);

  const site = await postJob(p, { ...job("Marketing site", 120_000n, 20), idempotencyKey: key("job"), actorId: acme, now: day(0) });
  const logo = await postJob(p, { ...job("Logo refresh", 30_000n, 10), idempotencyKey: key("job"), actorId: globex, now: day(0) });
  expect([site.connectCost, logo.connectCost]).toEqual([5, 4]);

  // Tuesday: proposals (one boosted).
  const anaOnSite = await submitProposal(p, { jobId: site.jobId, coverLetter: cover, bidMinor: 120_000n, boostConnects: 3, idempotencyKey: key("p"), actorId: ana, now: day(1) });
  await submitProposal(p, { jobId: site.jobId, coverLetter: cover, bidMinor: 110_000n, idempotencyKey: key("p"), actorId: ben, now: day(1) });
  await submitProposal(p, { jobId: logo.jobId, coverLetter: cover, bidMinor: 30_000n, idempotencyKey: key("p"), actorId: ben, now: day(1) });
  await submitProposal(p, { jobId: logo.jobId, coverLetter: cover, bidMinor: 28_000n, idempotencyKey: key("p"), actorId: cy, now: day(1) });
  expect((await getConnectsOverview(p, ana, day(1))).balance).toBe(52); // 60 − 5 − 3 boost

  // Wednesday: Acme hires Ana with two milestones and funds the first; Globex closes its job without hiring.
  const offer = await hireProposal(p, {
    actorId: acme,
    idempotencyKey: key("hire"),
    now: day(2),
    proposalId: anaOnSite.proposalId,
    terms: { type: "FIXED", milestones: [{ title: "Design", amountMinor: 30_000n }, { title: "Build", amountMinor: 90_000n }] },
  });
  await acceptOffer(p, { actorId: ana, idempotencyKey: key("accept"), now: day(2), contractId: offer.contractId });
  const [design, build] = offer.milestoneIds as [string, string];
  const funded = await fundMilestone(p, { actorId: acme, idempotencyKey: key("fund"), now: day(2), milestoneId: design });
  expect(funded).toMatchObject({ amountMinor: 30_000n, clientFeeMinor: 900n, chargedMinor: 30_900n }); // 3% client fee
  const closed = await closeJob(p, { jobId: logo.jobId, idempotencyKey: key("close"), actorId: globex, now: day(2) });
  expect(closed.connectsRefunded).toBe(8); // Ben's 4 and Cy's 4 come back
  expect(acmeCard).toBeTruthy();

  // Thursday: Ana delivers, Acme approves ($300 → 20% fee = $60, $240 pending); the Build milestone is funded; Acme asks for it back before work starts and Ana gives it back.
  await submitWork(p, { actorId: ana, idempotencyKey: key("submit"), now: day(3), milestoneId: design, note: "Designs attached" });
  const approved = await approveMilestone(p, { actorId: acme, idempotencyKey: key("approve"), now: day(3), milestoneId: design });
  expect(approved.payment).toMatchObject({ grossMinor: 30_000n, feeMinor: 6_000n, netMinor: 24_000n });
  await fundMilestone(p, { actorId: acme, idempotencyKey: key("fund"), now: day(3), milestoneId: build });
  await requestRefund(p, { actorId: acme, idempotencyKey: key("refund-request"), now: day(3), milestoneId: build, reason: "Scope moved to next quarter" });
  await refundMilestone(p, { actorId: ana, idempotencyKey: key("refund"), now: day(3), milestoneId: build });

  // Friday: Globex makes Cy a direct hourly offer; Cy logs 5 hours.
  const hourly = await makeDirectOffer(p, {
    actorId: globex,
    idempotencyKey: key("offer"),
    now: day(4),
    freelancerId: cy,
    title: "Icon set, hourly",
    terms: { type: "HOURLY", weeklyLimitHours: 10, hourlyRateMinor: 4_000n },
  });
  await acceptOffer(p, { actorId: cy, idempotencyKey: key("accept"), now: day(4), contractId: hourly.contractId });
  await logTime(p, { actorId: cy, idempotencyKey: key("log"), now: day(4), contractId: hourly.contractId, workedOn: day(4), minutes: 300, memo: "Icons" });

  // The clock runs through next Monday and the Monday after: hourly week invoiced, then released; money clears.
  for (let d = 5; d <= 16; d++) await runAllTasks({ prisma: p }, day(d, 1));
  const anaEarnings = await getEarnings(p, ana);
  expect(anaEarnings.balances).toMatchObject({ pendingMinor: 0n, availableMinor: 24_000n });
  const cyEarnings = await getEarnings(p, cy);
  expect(cyEarnings.balances.pendingMinor + cyEarnings.balances.availableMinor).toBe(16_000n); // 5 h × $40 = $200 − 20%

  // Ana withdraws $100 by ACH (usable after 3 days).
  const ach = await addPayoutMethod(p, { actorId: ana, idempotencyKey: key("payout-method"), kind: "ACH", account: "000123456789", label: "Checking", now: day(5) });
  const sent = await withdraw(p, { actorId: ana, payoutMethodId: ach.id, amountMinor: 10_000n, idempotencyKey: key("withdraw"), now: day(16) });
  expect(sent).toMatchObject({ status: "SENT", netMinor: 10_000n });

  // Each earnings history adds up to the balances at the top of the page: a milestone and an hourly
  // week, each once with its gross, fee and net; Pending → Available and the withdrawal as state changes.
  for (const person of [ana, cy]) {
    const earnings = await getEarnings(p, person);
    expect(earnings.reconciles).toBe(true);
    expect(earnings.history.closing).toEqual({
      pendingMinor: earnings.balances.pendingMinor,
      availableMinor: earnings.balances.availableMinor,
      withdrawingMinor: earnings.balances.withdrawingMinor,
      withdrawnMinor: earnings.balances.withdrawnMinor,
    });
    const payments = earnings.history.events.filter((e) => e.kind === "payment");
    expect(payments.length).toBeGreaterThan(0);
    for (const e of payments) expect(e.payment!.grossMinor - e.payment!.feeMinor).toBe(e.payment!.netMinor);
    expect(earnings.history.totals.netMinor - earnings.history.totals.payoutFeesMinor - earnings.history.totals.connectsMinor).toBe(
      earnings.balances.pendingMinor + earnings.balances.availableMinor + earnings.balances.withdrawingMinor + earnings.balances.withdrawnMinor,
    );
  }
  expect((await getEarnings(p, ana)).history.events.map((e) => e.kind)).toEqual(["payout_sent", "withdrawal", "cleared", "payment"]);

  // Every invariant holds, and every balance is the sum of its ledger entries.
  const report = await assertLedgerHolds(p);
  const drift = await p.$queryRaw<{ key: string }[]>`
    SELECT a.key FROM "LedgerAccount" a
    WHERE a."balanceMinor" <> coalesce((SELECT sum("amountMinor") FROM "LedgerTransfer" WHERE "creditAccountId" = a.id), 0)
                            - coalesce((SELECT sum("amountMinor") FROM "LedgerTransfer" WHERE "debitAccountId" = a.id), 0)`;
  expect(drift).toEqual([]);
  expect(report.transfers).toBeGreaterThan(15);
});
