import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activeFixedContract,
  earn,
  freelancerWithConnects,
  freshDatabase,
  key,
  makeUser,
  makeVerifiedClient,
  NOW,
  openJob,
  days,
  COVER_LETTER,
  type TestDatabase,
} from "../../testing";
import { balanceOf } from "../../ledger/post-transfers";
import { getClientJob } from "../../read/client-jobs";
import { getUserForAdmin } from "../../read/admin-users";
import { getPayoutsOverview } from "../../read/payout-pages";
import { searchJobs } from "../../read/search-jobs";
import { submitProposal } from "../jobs/submit-proposal";
import { closeJob } from "../jobs/close-job";
import { hireProposal } from "../contracts/hire-proposal";
import { fundMilestone } from "../contracts/fund-milestone";
import { makeDirectOffer } from "../contracts/make-direct-offer";
import { submitWork } from "../contracts/submit-work";
import { endContract } from "../contracts/end-contract";
import { sendMessage } from "../messages/send-message";
import { addPayoutMethod } from "../payouts/add-payout-method";
import { clearPending } from "../payouts/clear-pending";
import { runAutoWithdrawals } from "../payouts/run-auto-withdrawals";
import { setAutoWithdrawal } from "../payouts/set-auto-withdrawal";
import { withdraw } from "../payouts/withdraw";
import { holdPayouts, releasePayouts } from "./hold-payouts";
import { retryPendingRefunds } from "../payments/pending-refunds";
import { getGateway } from "../../gateway/sandbox";
import { suspendUser, unsuspendUser } from "./suspend-user";

let db: TestDatabase;
let admin: string;
beforeAll(async () => {
  db = await freshDatabase({ max: 12 });
  admin = (await makeUser(db.prisma, "ADMIN")).id;
});
afterAll(() => db.drop());

const later = days(NOW, 1);
const suspend = (userId: string, extra: { holdPayouts?: boolean; now?: Date } = {}) =>
  suspendUser(db.prisma, { actorId: admin, idempotencyKey: key(), userId, reason: "Fake reviews", now: extra.now ?? later, ...(extra.holdPayouts ? { holdPayouts: true } : {}) });
const lift = (userId: string, now: Date) => unsuspendUser(db.prisma, { actorId: admin, idempotencyKey: key(), userId, reason: "Cleared up", now });
const propose = (freelancerId: string, jobId: string, now = NOW) =>
  submitProposal(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now, jobId, coverLetter: COVER_LETTER, bidMinor: 90_000n });
const kindsFor = async (userId: string) => (await db.prisma.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { kind: true, body: true } })).map((n) => n);
const fixed = (...amounts: bigint[]) => ({ type: "FIXED" as const, milestones: amounts.map((amountMinor, i) => ({ title: `M${i + 1}`, amountMinor })) });

describe("suspending a freelancer", () => {
  it("withdraws their offers with the escrow refunded, pauses their proposals, tells the other side; lifting gives back what it can", async () => {
    const client = await makeVerifiedClient(db.prisma);
    const other = await makeVerifiedClient(db.prisma);
    const fran = await freelancerWithConnects(db.prisma, 100, NOW, { name: "Fran" });
    const [jobA, jobB, jobC] = [await openJob(db.prisma, client.id, NOW), await openJob(db.prisma, client.id, NOW), await openJob(db.prisma, client.id, NOW)];
    const onA = await propose(fran.id, jobA);
    const onB = await propose(fran.id, jobB);
    const onC = await propose(fran.id, jobC);
    // An offer on B with its first milestone funded ($300 + 3% client fee = $309).
    const offer = await hireProposal(db.prisma, { actorId: client.id, idempotencyKey: key(), now: NOW, proposalId: onB.proposalId, terms: fixed(30_000n) });
    await fundMilestone(db.prisma, { actorId: client.id, idempotencyKey: key(), now: NOW, milestoneId: offer.milestoneIds[0]! });
    const contract = await activeFixedContract(db.prisma, { clientId: other.id, freelancerId: fran.id, milestones: [10_000n] });
    const escrow = () => balanceOf(db.prisma, { kind: "escrow_milestone", milestoneId: offer.milestoneIds[0]! });
    expect(await escrow()).toBe(30_000n);

    expect((await getUserForAdmin(db.prisma, { actorId: admin, userId: fran.id, now: later })).suspensionPreview).toEqual({
      jobsPaused: 0,
      proposalsPaused: 3,
      offersWithdrawn: 1,
      contractsNotified: 1,
    });
    const done = await suspend(fran.id);
    expect(done.effects).toEqual({ jobsPaused: 0, proposalsPaused: 3, offersWithdrawn: 1, escrowRefundedMinor: 30_900n, contractsNotified: 1, payoutsHeld: false });

    // The offer: withdrawn, its escrow back through the ledger, the card refund queued for the runner.
    expect(await db.prisma.contract.findUniqueOrThrow({ where: { id: offer.contractId } })).toMatchObject({ status: "DECLINED", endedReason: "withdrawn: the freelancer's account was suspended" });
    expect(await db.prisma.milestone.findUniqueOrThrow({ where: { id: offer.milestoneIds[0]! } })).toMatchObject({ status: "REFUNDED" });
    expect(await db.prisma.pendingRefund.findMany({ where: { idempotencyKey: `milestone:${offer.milestoneIds[0]}:refund` } })).toEqual([
      expect.objectContaining({ amountMinor: 30_900n, booked: true, status: "PENDING", nextAttemptAt: later }),
    ]);
    expect(await escrow()).toBe(0n);
    // The runner sends the queued card refund, once.
    const retried = await retryPendingRefunds(db.prisma, { now: later }, { gateway: getGateway() });
    expect(retried.refunded).toEqual([expect.objectContaining({ chargeRef: expect.any(String) })]);
    expect(await db.prisma.pendingRefund.findFirstOrThrow({ where: { idempotencyKey: `milestone:${offer.milestoneIds[0]}:refund` } })).toMatchObject({ status: "REFUNDED" });
    // The proposals: paused (B's back in its live state first), out of the client's list, counted.
    for (const id of [onA.proposalId, onB.proposalId, onC.proposalId]) {
      expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id } })).toMatchObject({ pausedAt: later, status: "SUBMITTED" });
    }
    const page = await getClientJob(db.prisma, jobA, client.id, later);
    expect(page.proposals.map((p) => p.id)).not.toContain(onA.proposalId);
    expect(page.pausedProposals).toBe(1);
    await expect(hireProposal(db.prisma, { actorId: client.id, idempotencyKey: key(), now: later, proposalId: onA.proposalId, terms: fixed(30_000n) })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This proposal is paused while its freelancer's account is under review: it cannot be hired for now.",
    });
    await expect(makeDirectOffer(db.prisma, { actorId: client.id, idempotencyKey: key(), now: later, freelancerId: fran.id, title: "Direct", terms: fixed(10_000n) })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This person's account is under review, so you cannot make them an offer for now.",
    });
    // The other side is told, never the reason.
    const told = await kindsFor(client.id);
    expect(told).toContainEqual({
      kind: "suspension_offer_withdrawn",
      body: expect.stringContaining("was withdrawn because Fran's account is suspended. The $309.00 you paid into escrow for it (with its client fee) is refunded to your card."),
    });
    expect(await kindsFor(other.id)).toContainEqual({ kind: "party_suspended", body: expect.stringMatching(/^Fran cannot submit work or log time/) });
    for (const n of [...told, ...(await kindsFor(other.id))]) expect(n.body).not.toContain("Fake reviews");
    // The contract stays active; the freelancer may no longer submit or message.
    expect(await db.prisma.contract.findUniqueOrThrow({ where: { id: contract.contractId } })).toMatchObject({ status: "ACTIVE" });
    await expect(sendMessage(db.prisma, { actorId: fran.id, idempotencyKey: key(), now: later, contractId: contract.contractId, body: "Hello" })).rejects.toMatchObject({
      code: "ACCOUNT_SUSPENDED",
      message: "Your account is suspended (Fake reviews), so you cannot send messages.",
    });

    // Suspending twice changes nothing more.
    const before = await db.prisma.notification.count();
    await expect(suspend(fran.id)).rejects.toMatchObject({ code: "CONFLICT", message: "Fran is already suspended." });
    expect(await db.prisma.notification.count()).toBe(before);

    // Meanwhile the client closes job C (its proposal ends); lifting restores A and B, not C, nor the offer.
    await closeJob(db.prisma, { actorId: client.id, idempotencyKey: key(), now: days(NOW, 2), jobId: jobC });
    expect((await getUserForAdmin(db.prisma, { actorId: admin, userId: fran.id, now: days(NOW, 3) })).liftPreview).toEqual({
      jobsRestored: 0,
      jobsNotRestored: 0,
      proposalsRestored: 2,
      proposalsNotRestored: 1,
    });
    const lifted = await lift(fran.id, days(NOW, 3));
    expect(lifted.effects).toEqual({
      jobsRestored: 0,
      jobsNotRestored: 0,
      proposalsRestored: 2,
      proposalsNotRestored: 1,
      offersWithdrawn: 1,
      notRestored: "1 proposal (ended meanwhile); 1 offer withdrawn at the suspension (a new offer can be sent)",
    });
    expect((await getClientJob(db.prisma, jobA, client.id, later)).proposals.map((p) => p.id)).toContain(onA.proposalId);
    expect(await db.prisma.proposal.count({ where: { freelancerId: fran.id, pausedAt: { not: null } } })).toBe(0);
    expect((await kindsFor(fran.id)).at(-1)).toEqual({
      kind: "account_unsuspended",
      body: "An admin lifted the suspension of your account. Not restored: 1 proposal (ended meanwhile); 1 offer withdrawn at the suspension (a new offer can be sent).",
    });
    expect(await db.prisma.contract.findUniqueOrThrow({ where: { id: offer.contractId } })).toMatchObject({ status: "DECLINED" });
  });

  it("lets the client end a contract at once: unsubmitted escrow comes back, submitted work keeps its review", async () => {
    const client = await makeVerifiedClient(db.prisma);
    const fran = await makeUser(db.prisma, "FREELANCER");
    const contract = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: fran.id, milestones: [10_000n, 20_000n] });
    const [first, second] = contract.milestoneIds as [string, string];
    for (const milestoneId of [first, second]) await fundMilestone(db.prisma, { actorId: client.id, idempotencyKey: key(), now: NOW, milestoneId });
    await submitWork(db.prisma, { actorId: fran.id, idempotencyKey: key(), now: NOW, milestoneId: first, note: "Done" });
    await suspend(fran.id);
    await expect(submitWork(db.prisma, { actorId: fran.id, idempotencyKey: key(), now: later, milestoneId: second, note: "More" })).rejects.toMatchObject({ code: "ACCOUNT_SUSPENDED" });
    const ended = await endContract(db.prisma, { actorId: client.id, idempotencyKey: key(), now: later, contractId: contract.contractId, reason: "The freelancer is suspended" });
    expect(ended.refundsRequested).toEqual([]);
    expect(ended.cardRefunds).toEqual([expect.objectContaining({ milestoneId: second, amountMinor: 20_600n })]);
    expect(await db.prisma.milestone.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ status: "SUBMITTED" });
    expect(await db.prisma.milestone.findUniqueOrThrow({ where: { id: second } })).toMatchObject({ status: "REFUNDED" });
  });
});

describe("suspending a client", () => {
  it("pauses their open jobs (out of search, no proposals), withdraws their offers, tells everyone; lifting restores what is still open", async () => {
    const carol = await makeVerifiedClient(db.prisma, { name: "Carol" });
    const [fay, gus, hal, ivy] = await Promise.all([1, 2, 3, 4].map(() => freelancerWithConnects(db.prisma, 50, NOW)));
    const title = `Paused ${randomUUID().slice(0, 8)}`;
    const [open, closing] = [await openJob(db.prisma, carol.id, NOW, { title }), await openJob(db.prisma, carol.id, NOW)];
    await propose(fay!.id, open);
    const offer = await makeDirectOffer(db.prisma, { actorId: carol.id, idempotencyKey: key(), now: NOW, freelancerId: gus!.id, title: "Direct", terms: fixed(10_000n) });
    await fundMilestone(db.prisma, { actorId: carol.id, idempotencyKey: key(), now: NOW, milestoneId: offer.milestoneIds[0]! });
    await activeFixedContract(db.prisma, { clientId: carol.id, freelancerId: hal!.id, milestones: [10_000n] });

    const done = await suspend(carol.id);
    expect(done.effects).toEqual({ jobsPaused: 2, proposalsPaused: 0, offersWithdrawn: 1, escrowRefundedMinor: 10_300n, contractsNotified: 1, payoutsHeld: false });
    expect((await searchJobs(db.prisma, { q: title })).jobs.map((job) => job.id)).not.toContain(open);
    await expect(propose(ivy!.id, open, later)).rejects.toMatchObject({ code: "CONFLICT", message: "This job is paused while its client's account is under review: it takes no proposals for now." });
    expect(await kindsFor(fay!.id)).toContainEqual({ kind: "job_paused", body: expect.stringMatching(/^Carol's account is suspended, so “.+” takes no proposals for now/) });
    // The freelancer of the withdrawn offer is told, with no money (the refund is the client's).
    expect(await kindsFor(gus!.id)).toContainEqual({ kind: "suspension_offer_withdrawn", body: "The offer for “Direct” with Carol was withdrawn because Carol's account is suspended." });
    expect(await kindsFor(hal!.id)).toContainEqual({ kind: "party_suspended", body: expect.stringMatching(/^Carol cannot fund milestones or pay bonuses/) });

    // A suspended client may still close a job; it is then not restored.
    await closeJob(db.prisma, { actorId: carol.id, idempotencyKey: key(), now: days(NOW, 2), jobId: closing });
    const liftedAt = days(NOW, 3);
    const lifted = await lift(carol.id, liftedAt);
    expect(lifted.effects).toMatchObject({ jobsRestored: 1, jobsNotRestored: 1, notRestored: "1 job (closed, expired or removed meanwhile); 1 offer withdrawn at the suspension (a new offer can be sent)" });
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id: open } })).toMatchObject({ status: "OPEN", pausedAt: null, lastActivityAt: liftedAt });
    expect((await searchJobs(db.prisma, { q: title })).jobs.map((job) => job.id)).toContain(open);
    await expect(propose(ivy!.id, open, liftedAt)).resolves.toMatchObject({ jobId: open, connectsSpent: 6 });
  });
});

describe("held payouts", () => {
  async function freelancerWithAutoWithdrawal() {
    const t0 = new Date("2026-03-02T09:00:00Z"); // a Monday
    const client = await makeUser(db.prisma, "CLIENT");
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    await earn(db.prisma, { clientId: client.id, freelancerId: freelancer.id, grossMinor: 20_000n, now: days(t0, -10) });
    await clearPending(db.prisma, { now: days(t0, -5) });
    const method = await addPayoutMethod(db.prisma, { actorId: freelancer.id, idempotencyKey: randomUUID(), kind: "ACH", account: "000123456789", label: "Checking", now: days(t0, -30) });
    await setAutoWithdrawal(db.prisma, { actorId: freelancer.id, schedule: "WEEKLY", thresholdMinor: 10_000n, payoutMethodId: method.id, now: t0 });
    return { freelancer, method, t0 };
  }

  it("a suspension alone leaves automatic withdrawals running; a hold skips them with its reason, shown on the Payouts page, until released", async () => {
    const suspendedOnly = await freelancerWithAutoWithdrawal();
    const held = await freelancerWithAutoWithdrawal();
    const { t0 } = held;
    await suspend(suspendedOnly.freelancer.id, { now: t0 });
    const done = await suspend(held.freelancer.id, { now: t0, holdPayouts: true });
    expect(done.effects).toMatchObject({ payoutsHeld: true });
    expect((await getPayoutsOverview(db.prisma, held.freelancer.id, t0)).payoutsHeld).toEqual({ since: t0, reason: "Fake reviews" });
    await expect(holdPayouts(db.prisma, { actorId: admin, idempotencyKey: key(), userId: held.freelancer.id, reason: "Again", now: t0 })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    const runs = await runAutoWithdrawals(db.prisma, { now: days(t0, 9) }); // the next Wednesday
    expect(runs.find((r) => r.userId === suspendedOnly.freelancer.id)).toMatchObject({ reason: "threshold_met" });
    expect(runs.find((r) => r.userId === held.freelancer.id)).toMatchObject({ reason: "payouts_held", withdrawalId: null });
    expect(await balanceOf(db.prisma, { kind: "freelancer_available", userId: held.freelancer.id })).toBe(16_000n);
    await expect(
      withdraw(db.prisma, { actorId: held.freelancer.id, idempotencyKey: key(), now: days(t0, 9), payoutMethodId: held.method.id, amountMinor: 1_000n }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    // Lifting the suspension leaves the hold; releasing it lets the freelancer withdraw.
    await lift(held.freelancer.id, days(t0, 10));
    expect((await getPayoutsOverview(db.prisma, held.freelancer.id, days(t0, 10))).payoutsHeld).not.toBeNull();
    await releasePayouts(db.prisma, { actorId: admin, idempotencyKey: key(), userId: held.freelancer.id, reason: "Cleared up", now: days(t0, 10) });
    await expect(
      withdraw(db.prisma, { actorId: held.freelancer.id, idempotencyKey: key(), now: days(t0, 10), payoutMethodId: held.method.id, amountMinor: 1_000n }),
    ).resolves.toMatchObject({ status: "SENT" });
    expect(await db.prisma.auditLog.findMany({ where: { targetId: held.freelancer.id, action: { in: ["user.holdPayouts", "user.releasePayouts"] } }, select: { action: true, reason: true } })).toEqual([
      { action: "user.holdPayouts", reason: "Fake reviews" },
      { action: "user.releasePayouts", reason: "Cleared up" },
    ]);
    expect((await kindsFor(held.freelancer.id)).map((n) => n.kind)).toEqual(expect.arrayContaining(["payouts_held", "payouts_released"]));
  });
});

describe("a suspension racing the person's own operation", () => {
  it("a proposal sent while the freelancer is suspended either came first and is paused, or is refused", async () => {
    const client = await makeVerifiedClient(db.prisma);
    for (let round = 0; round < 6; round += 1) {
      const fran = await freelancerWithConnects(db.prisma, 50, NOW);
      const jobId = await openJob(db.prisma, client.id, NOW);
      const [sent, suspended] = await Promise.allSettled([propose(fran.id, jobId, later), suspend(fran.id)]);
      expect(suspended.status).toBe("fulfilled");
      const proposals = await db.prisma.proposal.findMany({ where: { freelancerId: fran.id }, select: { pausedAt: true } });
      if (sent.status === "fulfilled") expect(proposals).toEqual([{ pausedAt: later }]);
      else {
        expect(sent.reason).toMatchObject({ code: "ACCOUNT_SUSPENDED" });
        expect(proposals).toEqual([]);
      }
    }
  });

  it("a hire racing the freelancer's suspension either made an offer that is then withdrawn, or is refused: never an offer to a suspended freelancer", async () => {
    const client = await makeVerifiedClient(db.prisma);
    for (let round = 0; round < 4; round += 1) {
      const fran = await freelancerWithConnects(db.prisma, 50, NOW);
      const jobId = await openJob(db.prisma, client.id, NOW);
      const { proposalId } = await propose(fran.id, jobId);
      const [hired, suspended] = await Promise.allSettled([
        hireProposal(db.prisma, { actorId: client.id, idempotencyKey: key(), now: later, proposalId, terms: fixed(30_000n) }),
        suspend(fran.id),
      ]);
      expect(suspended.status).toBe("fulfilled");
      if (hired.status === "rejected") expect(hired.reason).toMatchObject({ code: "CONFLICT" });
      expect(await db.prisma.contract.count({ where: { freelancerId: fran.id, status: "OFFERED" } })).toBe(0);
      expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ status: "SUBMITTED", pausedAt: later });
    }
  });

  it("a milestone funded while the client is suspended is either funded before (and stays in escrow) or refused with the card refunded", async () => {
    for (let round = 0; round < 4; round += 1) {
      const client = await makeVerifiedClient(db.prisma);
      const fran = await makeUser(db.prisma, "FREELANCER");
      const contract = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: fran.id, milestones: [10_000n] });
      const milestoneId = contract.milestoneIds[0]!;
      const [funded, suspended] = await Promise.allSettled([fundMilestone(db.prisma, { actorId: client.id, idempotencyKey: key(), now: later, milestoneId }), suspend(client.id)]);
      expect(suspended.status).toBe("fulfilled");
      const milestone = await db.prisma.milestone.findUniqueOrThrow({ where: { id: milestoneId } });
      if (funded.status === "fulfilled") expect(milestone.status).toBe("FUNDED");
      else {
        expect(funded.reason).toMatchObject({ code: "ACCOUNT_SUSPENDED" });
        expect(milestone.status).toBe("CREATED");
      }
    }
  });
});
