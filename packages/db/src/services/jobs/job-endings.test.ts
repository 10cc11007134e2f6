import { addDays } from "@fairlance/rules";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { assertLedgerHolds, COVER_LETTER, freelancerWithConnects, freshDatabase, grantConnects, key, makeUser, openJob, type TestDatabase } from "../../testing";
import { closeJob } from "./close-job";
import { declineProposal } from "./decline-proposal";
import { expireJobs } from "./expire-jobs";
import { markProposalViewed } from "./mark-proposal-viewed";
import { getJobForFreelancer, listMyProposals } from "../../read/job-pages";
import { proposalFeePreview } from "../../read/proposal-fee-preview";
import { removeJob } from "./remove-job";
import { submitProposal } from "./submit-proposal";
import { connectsOf } from "./test-helpers";
import { withdrawProposal } from "./withdraw-proposal";
import { auditRows } from "../../testing/audit";

let db: TestDatabase;
let client: string;
let otherClient: string;
let admin: string;
beforeAll(async () => {
  db = await freshDatabase();
  client = (await makeUser(db.prisma, "CLIENT")).id;
  otherClient = (await makeUser(db.prisma, "CLIENT")).id;
  admin = (await makeUser(db.prisma, "ADMIN")).id;
});
afterEach(() => assertLedgerHolds(db.prisma));
afterAll(() => db.drop());

const now = new Date("2026-12-01T09:00:00Z");
const submit = (jobId: string, actorId: string, boostConnects = 0, at = now) =>
  submitProposal(db.prisma, { jobId, actorId, now: at, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 95_000n, boostConnects });

describe("closeJob", () => {
  it("refunds every applicant exactly what they spent, boost included, with the reason in their history", async () => {
    const jobId = await openJob(db.prisma, client, now);
    const applicants = await Promise.all([0, 2, 5].map(async (boost, i) => {
      const id = (await freelancerWithConnects(db.prisma, 30, now, { name: `applicant${i}` })).id;
      await submit(jobId, id, boost);
      return { id, spent: 6 + boost };
    }));
    for (const { id, spent } of applicants) expect(await connectsOf(db.prisma, id, now)).toBe(30 - spent);
    const later = addDays(now, 2);
    const idempotencyKey = key();
    const closed = await closeJob(db.prisma, { jobId, actorId: client, now: later, idempotencyKey });
    expect(closed).toMatchObject({ status: "CLOSED", proposalsClosed: 3, connectsRefunded: 6 + 8 + 11 });
    for (const { id, spent } of applicants) {
      expect(await connectsOf(db.prisma, id, later)).toBe(30);
      const [mine] = await listMyProposals(db.prisma, id);
      expect(mine).toMatchObject({
        status: "CLOSED",
        connectsSpent: spent,
        connectsRefunded: spent,
        refundReason: "Refunded: the client closed the job without hiring",
        refundNote: 'Job "Build a landing page": The client closed the job without hiring.',
      });
    }
    // A replay changes nothing and returns the first result.
    expect(await closeJob(db.prisma, { jobId, actorId: client, now: addDays(later, 1), idempotencyKey })).toEqual(closed);
    expect(await connectsOf(db.prisma, applicants[0]!.id, later)).toBe(30);
    await expect(closeJob(db.prisma, { jobId, actorId: client, now: later, idempotencyKey: key() })).rejects.toMatchObject({ code: "JOB_TRANSITION_NOT_ALLOWED" });
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "CLOSED", endedAt: later, auctionClosedAt: later });
  });

  it("re-issues a 30-day lot when the connects' original lot has expired", async () => {
    const freelancer = (await makeUser(db.prisma, "FREELANCER")).id;
    const lot = await grantConnects(db.prisma, freelancer, 10, now, addDays(now, 3));
    const jobId = await openJob(db.prisma, client, now);
    const { proposalId } = await submit(jobId, freelancer, 2);
    const later = addDays(now, 5);
    expect(await connectsOf(db.prisma, freelancer, later)).toBe(0);
    await closeJob(db.prisma, { jobId, actorId: client, now: later, idempotencyKey: key() });
    const reissued = await db.prisma.connectLot.findFirstOrThrow({ where: { userId: freelancer, reissuedFrom: lot } });
    expect(reissued).toMatchObject({ source: "REFUND_REISSUE", issued: 8, remaining: 8, expiresAt: addDays(later, 30), reason: "refund_job_closed" });
    expect(await connectsOf(db.prisma, freelancer, later)).toBe(8);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ connectsRefunded: 8, boostRefunded: true });
  });

  it("does not refund withdrawn or declined proposals; refuses other clients and freelancers", async () => {
    const jobId = await openJob(db.prisma, client, now);
    const leaver = (await freelancerWithConnects(db.prisma, 10, now)).id;
    const declined = (await freelancerWithConnects(db.prisma, 10, now)).id;
    await withdrawProposal(db.prisma, { proposalId: (await submit(jobId, leaver)).proposalId, actorId: leaver, now, idempotencyKey: key() });
    await declineProposal(db.prisma, { proposalId: (await submit(jobId, declined)).proposalId, actorId: client, now, idempotencyKey: key() });
    await expect(closeJob(db.prisma, { jobId, actorId: otherClient, now, idempotencyKey: key() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(closeJob(db.prisma, { jobId, actorId: leaver, now, idempotencyKey: key() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await closeJob(db.prisma, { jobId, actorId: client, now, idempotencyKey: key() })).toMatchObject({ proposalsClosed: 0, connectsRefunded: 0 });
    expect([await connectsOf(db.prisma, leaver, now), await connectsOf(db.prisma, declined, now)]).toEqual([4, 4]);
  });
});

describe("removeJob", () => {
  it("refunds every proposal, withdrawn ones too, closes the live ones and audit-logs the admin's reason", async () => {
    const jobId = await openJob(db.prisma, client, now);
    const live = (await freelancerWithConnects(db.prisma, 10, now)).id;
    const leaver = (await freelancerWithConnects(db.prisma, 10, now)).id;
    await submit(jobId, live, 1);
    await withdrawProposal(db.prisma, { proposalId: (await submit(jobId, leaver)).proposalId, actorId: leaver, now, idempotencyKey: key() });
    const idempotencyKey = key();
    const request = { jobId, actorId: admin, now, idempotencyKey, reason: "Asks for a training fee" };
    const removed = await removeJob(db.prisma, request);
    expect(removed).toMatchObject({ status: "REMOVED", proposalsClosed: 1, connectsRefunded: 13 });
    expect(await removeJob(db.prisma, request)).toEqual(removed);
    await expect(removeJob(db.prisma, { ...request, reason: "Another reason" })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect([await connectsOf(db.prisma, live, now), await connectsOf(db.prisma, leaver, now)]).toEqual([10, 10]);
    const [leaverView] = await listMyProposals(db.prisma, leaver);
    expect(leaverView).toMatchObject({ status: "WITHDRAWN", connectsRefunded: 6, refundReason: "Refunded: the job was removed for breaking the rules" });
    // The scam job is gone for everyone else; those who proposed still see it (and their refund).
    const stranger = (await freelancerWithConnects(db.prisma, 10, now)).id;
    const gone = { code: "NOT_FOUND", message: "This job was removed for breaking the marketplace rules." };
    await expect(getJobForFreelancer(db.prisma, jobId, stranger, now)).rejects.toMatchObject(gone);
    await expect(proposalFeePreview(db.prisma, { jobId, freelancerId: stranger, bidMinor: 10_000n, now })).rejects.toMatchObject(gone);
    expect(await getJobForFreelancer(db.prisma, jobId, live, now)).toMatchObject({ job: { status: "REMOVED" }, myProposal: { status: "CLOSED" } });
    const audit = auditRows(await db.prisma.auditLog.findMany({ where: { targetId: jobId } }));
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: admin,
        action: "job.remove",
        reason: "Asks for a training fee",
        before: { status: "OPEN", proposalCount: 2 },
        after: { status: "REMOVED", proposalsClosed: 1, connectsRefunded: 13 },
      }),
    ]);
  });

  it("refuses non-admins, a missing reason and jobs that are not open", async () => {
    const jobId = await openJob(db.prisma, client, now);
    const remove = (actorId: string, reason = "Spam posting") => removeJob(db.prisma, { jobId, actorId, now, idempotencyKey: key(), reason });
    await expect(remove(client)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(remove(admin, " ")).rejects.toMatchObject({ code: "INVALID_REQUEST", message: "Say why the job is removed (at least 5 characters)." });
    await closeJob(db.prisma, { jobId, actorId: client, now, idempotencyKey: key() });
    await expect(remove(admin)).rejects.toMatchObject({ code: "JOB_TRANSITION_NOT_ALLOWED" });
  });
});

describe("expireJobs", () => {
  it("expires open jobs 30 days after their last activity, closing proposals without a refund; a second run changes nothing", async () => {
    const start = new Date("2027-02-01T00:00:00Z");
    const stale = await openJob(db.prisma, client, start);
    const active = await openJob(db.prisma, client, start);
    const freelancer = (await freelancerWithConnects(db.prisma, 20, start)).id;
    await submit(stale, freelancer, 0, start);
    await submit(active, freelancer, 0, addDays(start, 10));
    const due = addDays(start, 30);
    expect(await expireJobs(db.prisma, { now: addDays(due, -1) })).toEqual([]);
    const expired = await expireJobs(db.prisma, { now: due });
    expect(expired).toContainEqual({ jobId: stale, proposalsClosed: 1, connectsRefunded: 0 });
    expect(expired.map((job) => job.jobId)).not.toContain(active);
    expect(await expireJobs(db.prisma, { now: due })).toEqual([]);
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id: stale } })).toMatchObject({ status: "EXPIRED", endedAt: due });
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id: active } })).toMatchObject({ status: "OPEN" });
    expect(await connectsOf(db.prisma, freelancer, due)).toBe(8);
    expect((await listMyProposals(db.prisma, freelancer)).find((p) => p.jobId === stale)).toMatchObject({ status: "CLOSED", connectsRefunded: 0, refundReason: null });
  });

  it("refunds under the optional rule only when no proposal on the job was ever viewed", async () => {
    const start = new Date("2031-01-01T00:00:00Z");
    await db.prisma.settingVersion.create({
      data: { key: "refundConnectsOnExpiryWithNoView", value: true, effectiveFrom: start, reason: "test the optional rule" },
    });
    const unviewed = await openJob(db.prisma, client, start);
    const viewed = await openJob(db.prisma, client, start);
    const freelancer = (await freelancerWithConnects(db.prisma, 20, start)).id;
    await submit(unviewed, freelancer, 1, start);
    const { proposalId } = await submit(viewed, freelancer, 0, start);
    await markProposalViewed(db.prisma, { proposalId, actorId: client, now: start });
    const due = addDays(start, 30);
    const expired = await expireJobs(db.prisma, { now: due });
    expect(expired).toEqual(expect.arrayContaining([
      { jobId: unviewed, proposalsClosed: 1, connectsRefunded: 7 },
      { jobId: viewed, proposalsClosed: 1, connectsRefunded: 0 },
    ]));
    expect(await connectsOf(db.prisma, freelancer, due)).toBe(14);
    const entry = await db.prisma.connectEntry.findFirstOrThrow({ where: { userId: freelancer, kind: "REFUND" } });
    expect(entry.reason).toBe("refund_job_expired_unviewed");
  });
});
