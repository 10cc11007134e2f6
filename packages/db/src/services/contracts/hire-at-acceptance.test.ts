import { accountKey, addDays } from "@fairlance/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  COVER_LETTER,
  freelancerWithConnects,
  freshDatabase,
  key,
  ledgerBalance,
  makeUser,
  makeVerifiedClient,
  NOW,
  openJob,
  RecordingGateway,
  type TestDatabase,
} from "../../testing";
import { closeBoostAuctions } from "../jobs/close-boost-auctions";
import { closeJob } from "../jobs/close-job";
import { expireJobs } from "../jobs/expire-jobs";
import { removeJob } from "../jobs/remove-job";
import { shortlistProposal } from "../jobs/shortlist-proposal";
import { submitProposal } from "../jobs/submit-proposal";
import { withdrawProposal } from "../jobs/withdraw-proposal";
import { acceptOffer } from "./accept-offer";
import { addMilestone } from "./add-milestone";
import { declineOffer } from "./decline-offer";
import { expireOffers } from "./expire-offers";
import { fundMilestone } from "./fund-milestone";
import { hireProposal } from "./hire-proposal";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase({ max: 12 });
});
afterAll(() => db.drop());

const hour = (n: number) => new Date(NOW.getTime() + n * 3_600_000);
const fixed = (...amounts: bigint[]) => ({ type: "FIXED" as const, milestones: amounts.map((amountMinor, i) => ({ title: `M${i + 1}`, amountMinor })) });
const proposal = (id: string) => db.prisma.proposal.findUniqueOrThrow({ where: { id } });
const job = (id: string) => db.prisma.job.findUniqueOrThrow({ where: { id } });
const contract = (id: string) => db.prisma.contract.findUniqueOrThrow({ where: { id } });
const connectsOf = async (userId: string) => (await db.prisma.connectLot.aggregate({ where: { userId }, _sum: { remaining: true } }))._sum.remaining ?? 0;

/**
 * A published job ($1,000 over 60 days: 6 connects) with three real proposals: alice's plain,
 * bob's boosted by 5 and shortlisted, carol's plain. Each freelancer starts with 40 connects.
 */
async function market(base = NOW) {
  const hour = (n: number) => new Date(base.getTime() + n * 3_600_000);
  const client = await makeVerifiedClient(db.prisma);
  const jobId = await openJob(db.prisma, client.id, base);
  const [alice, bob, carol] = [await freelancerWithConnects(db.prisma, 40, base), await freelancerWithConnects(db.prisma, 40, base), await freelancerWithConnects(db.prisma, 40, base)];
  const send = async (who: string, at: Date, boostConnects = 0) =>
    (await submitProposal(db.prisma, { jobId, actorId: who, now: at, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n, boostConnects })).proposalId;
  const pa = await send(alice.id, hour(1));
  const pb = await send(bob.id, hour(2), 5);
  const pc = await send(carol.id, hour(3));
  await shortlistProposal(db.prisma, { actorId: client.id, idempotencyKey: key(), now: hour(4), proposalId: pb });
  const hire = (proposalId: string, at: Date, terms = fixed(90_000n)) => hireProposal(db.prisma, { actorId: client.id, idempotencyKey: key(), now: at, proposalId, terms });
  return { clientId: client.id, jobId, alice: alice.id, bob: bob.id, carol: carol.id, pa, pb, pc, hire };
}

describe("hiring happens when the offer is accepted (economy.md §3.1)", () => {
  it("sends an offer that leaves the job open and the other proposals untouched; accepting hires and ends the others", async () => {
    const m = await market();
    const offer = await m.hire(m.pb, hour(5));
    expect(offer.offerExpiresAt).toEqual(addDays(hour(5), 7));
    expect(await contract(offer.contractId)).toMatchObject({ status: "OFFERED", offerExpiresAt: addDays(hour(5), 7), proposalId: m.pb });
    expect(await proposal(m.pb)).toMatchObject({ status: "OFFERED", statusBeforeOffer: "SHORTLISTED", endedAt: null });
    for (const other of [m.pa, m.pc]) expect(await proposal(other)).toMatchObject({ status: "SUBMITTED", endedAt: null, connectsRefunded: 0 });
    const open = await job(m.jobId);
    expect(open).toMatchObject({ status: "OPEN", endedAt: null, auctionClosesAt: addDays(NOW, 7), auctionClosedAt: null, lastActivityAt: hour(5) });
    // The auction is not settled at the offer: nothing is due yet.
    expect(await closeBoostAuctions(db.prisma, { now: hour(5) })).toEqual([]);
    // While the offer waits, its proposal cannot be withdrawn (the freelancer declines the offer instead).
    await expect(withdrawProposal(db.prisma, { actorId: m.bob, idempotencyKey: key(), now: hour(5), proposalId: m.pb })).rejects.toMatchObject({
      code: "PROPOSAL_TRANSITION_NOT_ALLOWED",
      message: "You cannot withdraw a proposal that is waiting for the answer to an offer.",
    });

    const accepted = await acceptOffer(db.prisma, { actorId: m.bob, idempotencyKey: key(), now: hour(6), contractId: offer.contractId });
    expect(accepted).toEqual({ contractId: offer.contractId, status: "ACTIVE", startedAt: hour(6), endedAt: null });
    expect(await proposal(m.pb)).toMatchObject({ status: "HIRED", statusBeforeOffer: null, endedAt: hour(6), endedReason: "hired" });
    for (const other of [m.pa, m.pc]) {
      // Another freelancer was hired: no connects come back (economy.md §2.5).
      expect(await proposal(other)).toMatchObject({ status: "CLOSED", endedAt: hour(6), endedReason: "other_freelancer_hired", connectsRefunded: 0 });
    }
    expect(await connectsOf(m.alice)).toBe(34);
    expect(await connectsOf(m.carol)).toBe(34);
    expect(await job(m.jobId)).toMatchObject({ status: "HIRED", endedAt: hour(6), endedReason: "hired", auctionClosesAt: hour(6) });
    // The auction settles as at any hire: bob's boost is in the top slots and kept.
    const [settled] = await closeBoostAuctions(db.prisma, { now: hour(6) });
    expect(settled).toMatchObject({ jobId: m.jobId, kept: [{ proposalId: m.pb, boostConnects: 5 }], refunded: [] });
    expect(await connectsOf(m.bob)).toBe(29);
  });

  it("allows one offer out per job: a second is refused with a sentence naming the pending offer", async () => {
    const m = await market();
    const offer = await m.hire(m.pa, hour(5));
    const name = (await db.prisma.user.findUniqueOrThrow({ where: { id: m.alice } })).name;
    await expect(m.hire(m.pc, hour(6))).rejects.toMatchObject({
      code: "CONFLICT",
      message: `Your offer to ${name} on this job is waiting for an answer until ${addDays(hour(5), 7).toISOString().slice(0, 10)} at 15:00 UTC; you can send another offer once it is declined or expires.`,
    });
    // Past its expiry, before the runner ran: still one at a time, with a sentence that says so.
    await expect(m.hire(m.pc, addDays(hour(5), 7))).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("expired on") });
    // Closing the job would strand the offer: refused too.
    await expect(closeJob(db.prisma, { actorId: m.clientId, idempotencyKey: key(), now: hour(6), jobId: m.jobId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("you can close the job once it is declined or expires"),
    });
    expect(await db.prisma.contract.count({ where: { jobId: m.jobId } })).toBe(1);
    expect((await contract(offer.contractId)).status).toBe("OFFERED");
  });

  it("a declined offer gives the proposal back its state with its connects, refunds the escrow, and the client can hire again", async () => {
    const gateway = new RecordingGateway();
    const m = await market();
    const offer = await m.hire(m.pb, hour(5), fixed(30_000n, 60_000n));
    const funded = await fundMilestone(db.prisma, { actorId: m.clientId, idempotencyKey: key(), now: hour(5), milestoneId: offer.milestoneIds[0]! }, { gateway });
    const declined = await declineOffer(db.prisma, { actorId: m.bob, idempotencyKey: key(), now: hour(7), contractId: offer.contractId, reason: "Too busy" }, { gateway });
    expect(declined).toMatchObject({ status: "DECLINED", endedAt: hour(7), cardRefunds: [{ milestoneId: offer.milestoneIds[0], amountMinor: 30_900n, failureReason: null }] });
    expect(gateway.refunds).toEqual([expect.objectContaining({ chargeRef: funded.chargeRef, amountMinor: 30_900n })]);
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "escrow_milestone", milestoneId: offer.milestoneIds[0]! }))).toBe(0n);
    expect(await proposal(m.pb)).toMatchObject({ status: "SHORTLISTED", statusBeforeOffer: null, endedAt: null, connectsRefunded: 0 });
    for (const other of [m.pa, m.pc]) expect(await proposal(other)).toMatchObject({ status: "SUBMITTED", endedAt: null });
    expect(await job(m.jobId)).toMatchObject({ status: "OPEN", endedAt: null, lastActivityAt: hour(7) });
    expect(await connectsOf(m.bob)).toBe(29);

    // The client hires again: the same proposal, or another.
    const again = await m.hire(m.pb, hour(8));
    expect(await proposal(m.pb)).toMatchObject({ status: "OFFERED", statusBeforeOffer: "SHORTLISTED" });
    await declineOffer(db.prisma, { actorId: m.bob, idempotencyKey: key(), now: hour(9), contractId: again.contractId });
    const third = await m.hire(m.pa, hour(10));
    await acceptOffer(db.prisma, { actorId: m.alice, idempotencyKey: key(), now: hour(11), contractId: third.contractId });
    expect(await proposal(m.pb)).toMatchObject({ status: "CLOSED", endedReason: "other_freelancer_hired" });
    expect(await proposal(m.pa)).toMatchObject({ status: "HIRED" });
    expect((await db.prisma.contract.findMany({ where: { jobId: m.jobId }, orderBy: { offeredAt: "asc" }, select: { status: true } })).map((c) => c.status)).toEqual([
      "DECLINED",
      "DECLINED",
      "ACTIVE",
    ]);
  });

  it("expires an unanswered offer by the runner (escrow refunded, proposal back, job open), once; accepting or funding it after its expiry is refused", async () => {
    const gateway = new RecordingGateway();
    const m = await market();
    const offer = await m.hire(m.pa, hour(5), fixed(20_000n, 70_000n));
    const [m1, m2] = offer.milestoneIds as [string, string];
    const funded = await fundMilestone(db.prisma, { actorId: m.clientId, idempotencyKey: key(), now: hour(6), milestoneId: m1 }, { gateway });
    const expiresAt = addDays(hour(5), 7);
    const just = new Date(expiresAt.getTime() - 1);
    expect(await expireOffers(db.prisma, { now: just }, { gateway })).toEqual([]);

    // At the expiry, before the runner: accepting, funding and adding milestones are refused in a sentence.
    const refusal = { code: "CONTRACT_TRANSITION_NOT_ALLOWED", message: "This offer expired on 2026-12-03 at 15:00 UTC; ask the client to send a new one." };
    await expect(acceptOffer(db.prisma, { actorId: m.alice, idempotencyKey: key(), now: expiresAt, contractId: offer.contractId })).rejects.toMatchObject(refusal);
    await expect(fundMilestone(db.prisma, { actorId: m.clientId, idempotencyKey: key(), now: expiresAt, milestoneId: m2 }, { gateway })).rejects.toMatchObject(refusal);
    await expect(
      addMilestone(db.prisma, { actorId: m.clientId, idempotencyKey: key(), now: expiresAt, contractId: offer.contractId, milestone: { title: "More", amountMinor: 10_000n } }),
    ).rejects.toMatchObject(refusal);
    expect((await contract(offer.contractId)).status).toBe("OFFERED");
    expect(gateway.charges).toHaveLength(1);

    // (Offers of other tests in this database expire too: only this one is looked at.)
    const expired = (await expireOffers(db.prisma, { now: expiresAt }, { gateway })).filter((e) => e.contractId === offer.contractId);
    expect(expired).toEqual([{ contractId: offer.contractId, cardRefunds: [{ milestoneId: m1, amountMinor: 20_600n, outcome: expect.objectContaining({ ok: true, queued: false }) }] }]);
    expect(await contract(offer.contractId)).toMatchObject({ status: "EXPIRED", endedAt: expiresAt, endedReason: "offer_expired" });
    expect(gateway.refunds).toEqual([expect.objectContaining({ chargeRef: funded.chargeRef, amountMinor: 20_600n })]);
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "escrow_milestone", milestoneId: m1 }))).toBe(0n);
    expect(await proposal(m.pa)).toMatchObject({ status: "SUBMITTED", endedAt: null, connectsRefunded: 0 });
    expect(await proposal(m.pb)).toMatchObject({ status: "SHORTLISTED" });
    expect(await job(m.jobId)).toMatchObject({ status: "OPEN", lastActivityAt: expiresAt });

    // Idempotent: again at the same moment or later, nothing more.
    const mine = async (at: Date) => (await expireOffers(db.prisma, { now: at }, { gateway })).filter((e) => e.contractId === offer.contractId);
    expect(await mine(expiresAt)).toEqual([]);
    expect(await mine(addDays(expiresAt, 1))).toEqual([]);
    expect(gateway.refunds).toHaveLength(1);
    await expect(acceptOffer(db.prisma, { actorId: m.alice, idempotencyKey: key(), now: addDays(expiresAt, 1), contractId: offer.contractId })).rejects.toMatchObject({
      code: "CONTRACT_TRANSITION_NOT_ALLOWED",
      message: "You cannot accept a contract that is an expired offer.",
    });
    // The client can hire again.
    await m.hire(m.pc, addDays(expiresAt, 1));
    expect(await proposal(m.pc)).toMatchObject({ status: "OFFERED" });
  });

  it("keeps a job with a pending offer from expiring for inactivity; once the offer has lapsed, the job's clock restarts", async () => {
    // Its own timeline: an admin sets offers to 40 days, longer than the 30 days of job expiry.
    const base = new Date("2032-01-01T00:00:00Z");
    await db.prisma.settingVersion.create({ data: { key: "offerExpiryDays", value: 40, effectiveFrom: base, reason: "test: longer than job expiry" } });
    const m = await market(base);
    const sent = addDays(base, 1);
    const offer = await m.hire(m.pa, sent);
    expect(offer.offerExpiresAt).toEqual(addDays(sent, 40));
    expect((await expireJobs(db.prisma, { now: addDays(sent, 31) })).map((e) => e.jobId)).not.toContain(m.jobId);
    expect((await job(m.jobId)).status).toBe("OPEN");
    await expireOffers(db.prisma, { now: addDays(sent, 40) });
    expect((await expireJobs(db.prisma, { now: addDays(sent, 41) })).map((e) => e.jobId)).not.toContain(m.jobId);
    expect((await expireJobs(db.prisma, { now: addDays(sent, 70) })).map((e) => e.jobId)).toContain(m.jobId);
  });

  it("an admin removing a job with a pending funded offer withdraws the offer, refunds its escrow and every proposal's connects", async () => {
    const gateway = new RecordingGateway();
    const m = await market();
    const admin = await makeUser(db.prisma, "ADMIN");
    const offer = await m.hire(m.pb, hour(5));
    await fundMilestone(db.prisma, { actorId: m.clientId, idempotencyKey: key(), now: hour(5), milestoneId: offer.milestoneIds[0]! }, { gateway });
    const removed = await removeJob(db.prisma, { actorId: admin.id, idempotencyKey: key(), now: hour(6), jobId: m.jobId, reason: "Scam job" }, { gateway });
    expect(removed).toMatchObject({ status: "REMOVED", proposalsClosed: 3, cardRefunds: [{ milestoneId: offer.milestoneIds[0], amountMinor: 92_700n, failureReason: null }] });
    expect(await contract(offer.contractId)).toMatchObject({ status: "DECLINED", endedReason: "job_removed" });
    expect(await proposal(m.pb)).toMatchObject({ status: "CLOSED", endedReason: "job_removed_by_admin", connectsRefunded: 11 });
    for (const who of [m.alice, m.bob, m.carol]) expect(await connectsOf(who)).toBe(40);
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "escrow_milestone", milestoneId: offer.milestoneIds[0]! }))).toBe(0n);
  });
});

describe("accept ‖ decline ‖ expire on the same funded offer", () => {
  it("has exactly one effect, and the ledger is exact", async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < 6; round += 1) {
      const gateway = new RecordingGateway();
      const m = await market();
      const offer = await m.hire(m.pa, hour(5), fixed(40_000n));
      const milestoneId = offer.milestoneIds[0]!;
      await fundMilestone(db.prisma, { actorId: m.clientId, idempotencyKey: key(), now: hour(5), milestoneId }, { gateway });
      const expiresAt = addDays(hour(5), 7);
      const before = new Date(expiresAt.getTime() - 1);
      const calls = [
        () => acceptOffer(db.prisma, { actorId: m.alice, idempotencyKey: key(), now: before, contractId: offer.contractId }),
        () => declineOffer(db.prisma, { actorId: m.alice, idempotencyKey: key(), now: before, contractId: offer.contractId }, { gateway }),
        () => expireOffers(db.prisma, { now: expiresAt }, { gateway }),
      ];
      // Rotate who starts first, so each gets its chance to win.
      const ordered = [...calls.slice(round % 3), ...calls.slice(0, round % 3)];
      const results = await Promise.allSettled(ordered.map((call) => call()));
      for (const result of results) {
        if (result.status === "rejected") expect(result.reason).toMatchObject({ code: "CONTRACT_TRANSITION_NOT_ALLOWED" });
      }
      const { status } = await contract(offer.contractId);
      outcomes.add(status);
      const escrow = await ledgerBalance(db.prisma, accountKey({ kind: "escrow_milestone", milestoneId }));
      const proposalAfter = await proposal(m.pa);
      if (status === "ACTIVE") {
        expect(escrow).toBe(40_000n);
        expect(gateway.refunds).toEqual([]);
        expect(proposalAfter.status).toBe("HIRED");
        expect((await job(m.jobId)).status).toBe("HIRED");
      } else {
        expect(["DECLINED", "EXPIRED"]).toContain(status);
        expect(escrow).toBe(0n);
        expect(gateway.refunds.map((r) => r.amountMinor)).toEqual([41_200n]);
        expect(proposalAfter.status).toBe("SUBMITTED");
        expect((await job(m.jobId)).status).toBe("OPEN");
      }
      // Exactly one of the three changed the contract (the runner may also expire other tests' offers).
      const effects = results.filter(
        (r) => r.status === "fulfilled" && (!Array.isArray(r.value) || r.value.some((e) => e.contractId === offer.contractId)),
      );
      expect(effects).toHaveLength(1);
    }
    expect(outcomes.size).toBeGreaterThanOrEqual(1);
    expect([...outcomes].every((status) => ["ACTIVE", "DECLINED", "EXPIRED"].includes(status))).toBe(true);
  });
});
