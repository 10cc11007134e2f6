import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COVER_LETTER, freelancerWithConnects, freshDatabase, key, makeUser, openJob, type TestDatabase } from "../testing";
import { closeJob } from "../services/jobs/close-job";
import { inviteFreelancer } from "../services/jobs/invite-freelancer";
import { getJobForFreelancer, listMyProposals } from "./job-pages";
import { submitProposal } from "../services/jobs/submit-proposal";

let db: TestDatabase;
beforeAll(async () => {
  // The client trust panel is shaped with Payment rows written directly (contractWithPayment), not
  // through the ledger, so this file's database is not checked against the ledger invariants.
  db = await freshDatabase({ ledgerCheck: false });
});
afterAll(() => db.drop());

const now = new Date("2026-12-01T09:00:00Z");
const memberSince = new Date("2024-03-15T12:00:00Z");

async function contractWithPayment(clientId: string, jobId: string, grossMinor: bigint, status: "ACTIVE" | "ENDED" | "OFFERED") {
  const freelancerId = (await makeUser(db.prisma, "FREELANCER")).id;
  const contract = await db.prisma.contract.create({
    data: { jobId, clientId, freelancerId, type: "FIXED", title: "Work", status, feeSchedule: {}, clientFeeBps: 300, settingsVersion: 0, offeredAt: now, offerExpiresAt: now },
  });
  if (grossMinor > 0n) {
    await db.prisma.payment.create({
      data: {
        contractId: contract.id, clientId, freelancerId, kind: "BONUS", grossMinor, feeMinor: 0n, netMinor: grossMinor,
        priorBilledMinor: 0n, feeBands: [], releasedAt: now, availableAt: now,
      },
    });
  }
}

describe("getJobForFreelancer", () => {
  it("shows the job, its cost, the freelancer's balance, the client trust panel and their own proposal", async () => {
    const client = (await makeUser(db.prisma, "CLIENT", { name: "trusted", createdAt: memberSince })).id;
    await db.prisma.paymentMethod.create({ data: { userId: client, brand: "visa", last4: "4242", gatewayRef: "tok", status: "VERIFIED", verifiedAt: now } });
    const hiredJob = await openJob(db.prisma, client, now, { title: "Earlier hire" });
    await db.prisma.job.update({ where: { id: hiredJob }, data: { status: "HIRED" } });
    await contractWithPayment(client, hiredJob, 120_000n, "ENDED");
    await contractWithPayment(client, hiredJob, 30_050n, "ACTIVE");
    await contractWithPayment(client, hiredJob, 0n, "OFFERED");
    const closed = await openJob(db.prisma, client, now, { title: "Closed one" });
    await closeJob(db.prisma, { jobId: closed, actorId: client, now, idempotencyKey: key() });
    const jobId = await openJob(db.prisma, client, now);
    const freelancer = (await freelancerWithConnects(db.prisma, 25, now)).id;

    const before = await getJobForFreelancer(db.prisma, jobId, freelancer, now);
    expect(before).toMatchObject({ connectCost: 6, costForYou: 6, invited: false, connectBalance: 25, myProposal: null });
    expect(before.job).toMatchObject({ title: "Build a landing page", budgetMinor: 100_000n, proposalCount: 0, status: "OPEN" });
    expect(before.client).toEqual({
      id: client,
      name: "trusted",
      rating: { count: 0, total: 0, tenths: null, display: null, fromText: "No reviews yet" },
      paymentVerified: true,
      totalSpentMinor: 150_050n,
      jobsPosted: 3,
      jobsWithHire: 1,
      hires: 2,
      hireRatePercent: 33,
      openJobs: 1,
      memberSince,
    });

    const { proposalId } = await submitProposal(db.prisma, { jobId, actorId: freelancer, now, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 80_000n, boostConnects: 2 });
    const after = await getJobForFreelancer(db.prisma, jobId, freelancer, now);
    expect(after).toMatchObject({ connectBalance: 17, job: { proposalCount: 1 } });
    expect(after.myProposal).toMatchObject({ id: proposalId, status: "SUBMITTED", bidMinor: 80_000n, connectCost: 6, boostConnects: 2 });
  });

  it("shows 0 for an invited freelancer, a new client's empty panel, and hides drafts and unknown jobs", async () => {
    const client = (await makeUser(db.prisma, "CLIENT")).id;
    const jobId = await openJob(db.prisma, client, now);
    const freelancer = (await freelancerWithConnects(db.prisma, 0, now)).id;
    await inviteFreelancer(db.prisma, { jobId, freelancerId: freelancer, actorId: client, now, idempotencyKey: key(), message: "Hi" });
    const view = await getJobForFreelancer(db.prisma, jobId, freelancer, now);
    expect(view).toMatchObject({ connectCost: 6, costForYou: 0, invited: true, connectBalance: 0 });
    expect(view.client).toMatchObject({ paymentVerified: false, totalSpentMinor: 0n, jobsPosted: 1, jobsWithHire: 0, hires: 0, hireRatePercent: 0, openJobs: 1 });
    await db.prisma.job.update({ where: { id: jobId }, data: { status: "DRAFT" } });
    await expect(getJobForFreelancer(db.prisma, jobId, freelancer, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getJobForFreelancer(db.prisma, "00000000-0000-4000-8000-000000000000", freelancer, now)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("listMyProposals", () => {
  it("lists status, connects spent and refunded, and the refund reason", async () => {
    const client = (await makeUser(db.prisma, "CLIENT")).id;
    const freelancer = (await freelancerWithConnects(db.prisma, 40, now)).id;
    const kept = await openJob(db.prisma, client, now, { title: "Still open" });
    const refunded = await openJob(db.prisma, client, now, { title: "Closed by client" });
    await submitProposal(db.prisma, { jobId: kept, actorId: freelancer, now, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 1n });
    await submitProposal(db.prisma, { jobId: refunded, actorId: freelancer, now, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 1n, boostConnects: 4 });
    await closeJob(db.prisma, { jobId: refunded, actorId: client, now, idempotencyKey: key() });
    const mine = await listMyProposals(db.prisma, freelancer);
    expect(mine.map(({ jobTitle, status, connectsSpent, connectsRefunded, refundReason }) => ({ jobTitle, status, connectsSpent, connectsRefunded, refundReason }))).toEqual(
      expect.arrayContaining([
        { jobTitle: "Still open", status: "SUBMITTED", connectsSpent: 6, connectsRefunded: 0, refundReason: null },
        { jobTitle: "Closed by client", status: "CLOSED", connectsSpent: 10, connectsRefunded: 10, refundReason: "Refunded: the client closed the job without hiring" },
      ]),
    );
    expect(mine).toHaveLength(2);
  });
});
