import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { assertLedgerHolds, COVER_LETTER, freelancerWithConnects, freshDatabase, key, makeUser, openJob, type TestDatabase } from "../../testing";
import { closeJob } from "./close-job";
import { declineProposal } from "./decline-proposal";
import { markProposalViewed } from "./mark-proposal-viewed";
import { postJob } from "./post-job";
import { shortlistProposal } from "./shortlist-proposal";
import { submitProposal } from "./submit-proposal";
import { connectsOf } from "./test-helpers";
import { withdrawProposal } from "./withdraw-proposal";

let db: TestDatabase;
let client: string;
let otherClient: string;
beforeAll(async () => {
  db = await freshDatabase();
  client = (await makeUser(db.prisma, "CLIENT")).id;
  otherClient = (await makeUser(db.prisma, "CLIENT")).id;
});
afterEach(() => assertLedgerHolds(db.prisma));
afterAll(() => db.drop());

const now = new Date("2026-12-01T09:00:00Z");
const submit = (jobId: string, actorId: string, extra: { boostConnects?: number; idempotencyKey?: string; bidMinor?: bigint } = {}) =>
  submitProposal(db.prisma, { jobId, actorId, now, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 95_000n, ...extra });

describe("submitProposal", () => {
  it("spends the job's cost and the boost atomically, each with its reason and the job named", async () => {
    const freelancer = (await freelancerWithConnects(db.prisma, 20, now)).id;
    const jobId = await openJob(db.prisma, client, now);
    const proposal = await submit(jobId, freelancer, { boostConnects: 3 });
    expect(proposal).toMatchObject({ connectCost: 6, boostConnects: 3, connectsSpent: 9, invited: false, settingsVersion: 0, submittedAt: now });
    expect(await connectsOf(db.prisma, freelancer, now)).toBe(11);
    const entries = await db.prisma.connectEntry.findMany({ where: { proposalId: proposal.proposalId }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.reason, e.delta, e.note])).toEqual([
      ["proposal_spend", -6, 'Job "Build a landing page"'],
      ["boost_spend", -3, 'Job "Build a landing page"'],
    ]);
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ proposalCount: 1, lastActivityAt: now });
  });

  it("replays the same key without spending twice and refuses the key for another request", async () => {
    const freelancer = (await freelancerWithConnects(db.prisma, 20, now)).id;
    const jobId = await openJob(db.prisma, client, now);
    const idempotencyKey = key();
    const first = await submit(jobId, freelancer, { idempotencyKey });
    expect(await submit(jobId, freelancer, { idempotencyKey })).toEqual(first);
    expect(await connectsOf(db.prisma, freelancer, now)).toBe(14);
    await expect(submit(jobId, freelancer, { idempotencyKey, bidMinor: 1n })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    // A retry after the job closed still gets what the first call did: the replay comes before the checks.
    await closeJob(db.prisma, { jobId, actorId: client, now, idempotencyKey: key() });
    expect(await submit(jobId, freelancer, { idempotencyKey })).toEqual(first);
  });

  it("sends one proposal for simultaneous calls with one key, each answered with it, the connects spent once", async () => {
    const freelancer = (await freelancerWithConnects(db.prisma, 20, now)).id;
    const jobId = await openJob(db.prisma, client, now);
    const idempotencyKey = key();
    const answers = await Promise.all(Array.from({ length: 8 }, () => submit(jobId, freelancer, { idempotencyKey })));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(await db.prisma.proposal.count({ where: { jobId } })).toBe(1);
    expect(await connectsOf(db.prisma, freelancer, now)).toBe(14);
  });

  it("answers a job or a person that does not exist with a sentence, changing nothing", async () => {
    const freelancer = (await freelancerWithConnects(db.prisma, 20, now)).id;
    await expect(submit("00000000-0000-4000-8000-000000000000", freelancer)).rejects.toMatchObject({ code: "NOT_FOUND", message: "This job does not exist." });
    const jobId = await openJob(db.prisma, client, now);
    await expect(submit(jobId, "00000000-0000-4000-8000-000000000001")).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "Your account no longer exists. Sign in again.",
    });
    expect(await connectsOf(db.prisma, freelancer, now)).toBe(20);
    expect(await db.prisma.proposal.count({ where: { jobId } })).toBe(0);
  });

  it("refuses with too few connects, changing nothing", async () => {
    const freelancer = (await freelancerWithConnects(db.prisma, 7, now)).id;
    const jobId = await openJob(db.prisma, client, now);
    await expect(submit(jobId, freelancer, { boostConnects: 2 })).rejects.toMatchObject({
      code: "INSUFFICIENT_CONNECTS",
      message: "This needs 8 connects and you have 7.",
    });
    expect(await connectsOf(db.prisma, freelancer, now)).toBe(7);
    expect(await db.prisma.proposal.count({ where: { jobId } })).toBe(0);
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ proposalCount: 0 });
  });

  it("refuses a second proposal, closed and draft jobs, clients, suspended freelancers and a zero bid", async () => {
    const freelancer = (await freelancerWithConnects(db.prisma, 50, now)).id;
    const jobId = await openJob(db.prisma, client, now);
    await submit(jobId, freelancer);
    await expect(submit(jobId, freelancer)).rejects.toMatchObject({ code: "DUPLICATE_PROPOSAL" });
    const closed = await openJob(db.prisma, client, now);
    await closeJob(db.prisma, { jobId: closed, actorId: client, now, idempotencyKey: key() });
    await expect(submit(closed, freelancer)).rejects.toMatchObject({ code: "JOB_NOT_OPEN" });
    const draft = await postJob(db.prisma, {
      actorId: client, now, idempotencyKey: key(), title: "A draft job", description: "Not published yet, so invisible.",
      type: "FIXED", budgetMinor: 10_000n, durationDays: 5, experienceLevel: "ENTRY", skills: ["x"],
    });
    await expect(submit(draft.jobId, freelancer)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submit(jobId, client)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const suspended = (await freelancerWithConnects(db.prisma, 50, now)).id;
    await db.prisma.user.update({ where: { id: suspended }, data: { suspendedAt: now, suspendedReason: "fake reviews" } });
    await expect(submit(jobId, suspended)).rejects.toMatchObject({ code: "ACCOUNT_SUSPENDED" });
    await expect(submit(jobId, freelancer, { bidMinor: 0n })).rejects.toMatchObject({ code: "INVALID_REQUEST", message: "Your bid must be above $0.00." });
    expect(await connectsOf(db.prisma, freelancer, now)).toBe(44);
  });
});

describe("withdrawProposal and declineProposal", () => {
  it("withdraws without a refund; replays; refuses a second withdrawal, other freelancers and clients", async () => {
    const freelancer = (await freelancerWithConnects(db.prisma, 20, now)).id;
    const stranger = (await freelancerWithConnects(db.prisma, 0, now)).id;
    const { proposalId } = await submit(await openJob(db.prisma, client, now), freelancer, { boostConnects: 1 });
    const idempotencyKey = key();
    const withdrawn = await withdrawProposal(db.prisma, { proposalId, actorId: freelancer, now, idempotencyKey });
    expect(withdrawn).toEqual({ proposalId, status: "WITHDRAWN", connectsRefunded: 0, explanation: "Connects are not refunded when you withdraw a proposal." });
    expect(await withdrawProposal(db.prisma, { proposalId, actorId: freelancer, now, idempotencyKey })).toEqual(withdrawn);
    expect(await connectsOf(db.prisma, freelancer, now)).toBe(13);
    await expect(withdrawProposal(db.prisma, { proposalId, actorId: freelancer, now, idempotencyKey: key() })).rejects.toMatchObject({
      code: "PROPOSAL_TRANSITION_NOT_ALLOWED",
    });
    await expect(withdrawProposal(db.prisma, { proposalId, actorId: stranger, now, idempotencyKey: key() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(withdrawProposal(db.prisma, { proposalId, actorId: client, now, idempotencyKey: key() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(withdrawProposal(db.prisma, { proposalId, actorId: freelancer, now, idempotencyKey })).resolves.toEqual(withdrawn);
  });

  it("declines without a refund (a boosted decline counts as an interaction); refuses other clients and freelancers", async () => {
    const freelancer = (await freelancerWithConnects(db.prisma, 20, now)).id;
    const { proposalId } = await submit(await openJob(db.prisma, client, now), freelancer, { boostConnects: 2 });
    await expect(declineProposal(db.prisma, { proposalId, actorId: otherClient, now, idempotencyKey: key() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(declineProposal(db.prisma, { proposalId, actorId: freelancer, now, idempotencyKey: key() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const idempotencyKey = key();
    const declined = await declineProposal(db.prisma, { proposalId, actorId: client, now, idempotencyKey });
    expect(declined).toMatchObject({ status: "DECLINED", connectsRefunded: 0 });
    expect(await declineProposal(db.prisma, { proposalId, actorId: client, now, idempotencyKey })).toEqual(declined);
    await expect(declineProposal(db.prisma, { proposalId, actorId: client, now, idempotencyKey: key() })).rejects.toMatchObject({
      code: "PROPOSAL_TRANSITION_NOT_ALLOWED",
    });
    expect(await connectsOf(db.prisma, freelancer, now)).toBe(12);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ clientInteractedAt: now, endedReason: "proposal_declined" });
  });
});

describe("markProposalViewed and shortlistProposal", () => {
  it("marks viewed once, recording the interaction with a boosted proposal; a second view changes nothing", async () => {
    const freelancer = (await freelancerWithConnects(db.prisma, 20, now)).id;
    const { proposalId } = await submit(await openJob(db.prisma, client, now), freelancer, { boostConnects: 2 });
    const later = new Date(now.getTime() + 3_600_000);
    expect(await markProposalViewed(db.prisma, { proposalId, actorId: client, now })).toEqual({ proposalId, status: "VIEWED", viewedAt: now });
    expect(await markProposalViewed(db.prisma, { proposalId, actorId: client, now: later })).toEqual({ proposalId, status: "VIEWED", viewedAt: now });
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ viewedAt: now, clientInteractedAt: now });
    await expect(markProposalViewed(db.prisma, { proposalId, actorId: otherClient, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(markProposalViewed(db.prisma, { proposalId, actorId: freelancer, now })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("does not record an interaction for an unboosted proposal", async () => {
    const freelancer = (await freelancerWithConnects(db.prisma, 20, now)).id;
    const { proposalId } = await submit(await openJob(db.prisma, client, now), freelancer);
    await markProposalViewed(db.prisma, { proposalId, actorId: client, now });
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ viewedAt: now, clientInteractedAt: null });
  });

  it("shortlists (implying a view); replays; refuses a declined proposal and strangers", async () => {
    const freelancer = (await freelancerWithConnects(db.prisma, 20, now)).id;
    const jobId = await openJob(db.prisma, client, now);
    const { proposalId } = await submit(jobId, freelancer);
    const idempotencyKey = key();
    const shortlisted = await shortlistProposal(db.prisma, { proposalId, actorId: client, now, idempotencyKey });
    expect(shortlisted).toEqual({ proposalId, status: "SHORTLISTED", viewedAt: now });
    expect(await shortlistProposal(db.prisma, { proposalId, actorId: client, now, idempotencyKey })).toEqual(shortlisted);
    await expect(shortlistProposal(db.prisma, { proposalId: jobId, actorId: client, now, idempotencyKey })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    await expect(shortlistProposal(db.prisma, { proposalId, actorId: otherClient, now, idempotencyKey: key() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await declineProposal(db.prisma, { proposalId, actorId: client, now, idempotencyKey: key() });
    await expect(shortlistProposal(db.prisma, { proposalId, actorId: client, now, idempotencyKey: key() })).rejects.toMatchObject({
      code: "PROPOSAL_TRANSITION_NOT_ALLOWED",
    });
  });
});
