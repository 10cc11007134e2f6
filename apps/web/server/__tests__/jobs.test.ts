import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COVER_LETTER, freshDatabase, key, type TestDatabase } from "@fairlance/db/testing";
import { JOB, people } from "./marketplace-fixtures";

let db: TestDatabase;
let the: Awaited<ReturnType<typeof people>>;
beforeAll(async () => {
  db = await freshDatabase();
  the = await people(db.prisma);
  await the.grant(the.users.freelancer.id, 40);
  await the.grant(the.users.otherFreelancer.id, 40);
});
afterAll(() => db.drop());

const FORBIDDEN = { code: "FORBIDDEN" };
const NOT_FOUND = { code: "NOT_FOUND" };

describe("job procedures for freelancers", () => {
  it("job.search finds open jobs by text and filters; clients are refused", async () => {
    await the.job(the.users.client.id, true, { title: "Tune a slow PostgreSQL query", description: "Our PostgreSQL report query takes minutes; make it fast." });
    await the.job(the.users.client.id, false, { title: "Draft PostgreSQL migration", description: "A draft about PostgreSQL that nobody may see yet." });
    const found = await the.callers.freelancer.job.search({ q: "postgresql", maxConnects: 6 });
    expect(found.jobs.map((job) => job.title)).toEqual(["Tune a slow PostgreSQL query"]);
    expect(found).toMatchObject({ total: 1, page: 1, pageCount: 1 });
    await expect(the.callers.client.job.search({})).rejects.toMatchObject(FORBIDDEN);
  });

  it("job.get shows the cost, the balance and the client trust panel; drafts and clients are refused", async () => {
    const jobId = await the.job();
    const view = await the.callers.freelancer.job.get({ jobId });
    expect(view).toMatchObject({ connectCost: 6, costForYou: 6, connectBalance: 40, myProposal: null, client: { paymentVerified: false, hires: 0 } });
    await expect(the.callers.freelancer.job.get({ jobId: await the.job(the.users.client.id, false) })).rejects.toMatchObject(NOT_FOUND);
    await expect(the.callers.client.job.get({ jobId })).rejects.toMatchObject(FORBIDDEN);
  });
});

describe("job procedures for clients", () => {
  it("job.previewCost prices typed values with the rate card in force; freelancers are refused", async () => {
    const fixed = await the.callers.client.job.previewCost({ pricing: { type: "fixed", budgetMinor: 100_000n }, durationDays: 60 });
    expect(fixed).toEqual({ projectedValueMinor: 100_000n, connectCost: 6, connectPriceMinor: 15n });
    const hourly = await the.callers.client.job.previewCost({ pricing: { type: "hourly", maxHourlyRateMinor: 2_000n, estimatedHours: 20 }, durationDays: 5 });
    expect(hourly).toMatchObject({ projectedValueMinor: 40_000n, connectCost: 3 });
    await expect(the.callers.freelancer.job.previewCost({ pricing: { type: "fixed", budgetMinor: 1n }, durationDays: 1 })).rejects.toMatchObject(FORBIDDEN);
  });

  it("job.post saves a draft or publishes at the quoted cost; freelancers are refused", async () => {
    const draft = await the.callers.client.job.post({ ...JOB, idempotencyKey: key(), publish: false });
    expect(draft).toMatchObject({ status: "DRAFT", connectCost: null });
    const published = await the.callers.client.job.post({ ...JOB, idempotencyKey: key(), publish: true });
    expect(published).toMatchObject({ status: "OPEN", connectCost: 6 });
    await expect(the.callers.freelancer.job.post({ ...JOB, idempotencyKey: key(), publish: true })).rejects.toMatchObject(FORBIDDEN);
  });

  it("job.publish and job.edit act on the owner's job only", async () => {
    const jobId = await the.job(the.users.client.id, false);
    await expect(the.callers.otherClient.job.edit({ jobId, idempotencyKey: key(), changes: { title: "Stolen title here" } })).rejects.toMatchObject(NOT_FOUND);
    await expect(the.callers.freelancer.job.edit({ jobId, idempotencyKey: key(), changes: { title: "Stolen title here" } })).rejects.toMatchObject(FORBIDDEN);
    expect(await the.callers.client.job.edit({ jobId, idempotencyKey: key(), changes: { budgetMinor: 4_000n, durationDays: 1 } })).toMatchObject({ status: "DRAFT" });
    await expect(the.callers.otherClient.job.publish({ jobId, idempotencyKey: key() })).rejects.toMatchObject(NOT_FOUND);
    await expect(the.callers.freelancer.job.publish({ jobId, idempotencyKey: key() })).rejects.toMatchObject(FORBIDDEN);
    expect(await the.callers.client.job.publish({ jobId, idempotencyKey: key() })).toMatchObject({ status: "OPEN", connectCost: 1 });
  });

  it("job.close refunds every applicant's connects; only the owner may close", async () => {
    const jobId = await the.job();
    await the.callers.freelancer.proposal.submit({ jobId, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n, boostConnects: 2 });
    await expect(the.callers.otherClient.job.close({ jobId, idempotencyKey: key() })).rejects.toMatchObject(NOT_FOUND);
    await expect(the.callers.freelancer.job.close({ jobId, idempotencyKey: key() })).rejects.toMatchObject(FORBIDDEN);
    const closed = await the.callers.client.job.close({ jobId, idempotencyKey: key() });
    expect(closed).toMatchObject({ status: "CLOSED", proposalsClosed: 1, connectsRefunded: 8 });
    const mine = await the.callers.freelancer.proposal.listMine();
    expect(mine.find((proposal) => proposal.jobId === jobId)).toMatchObject({
      status: "CLOSED",
      connectsSpent: 8,
      connectsRefunded: 8,
      refundReason: "Refunded: the client closed the job without hiring",
    });
  });

  it("job.listMine and job.getMine show the owner's jobs and proposals only", async () => {
    const jobId = await the.job();
    await the.callers.freelancer.proposal.submit({ jobId, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 95_000n });
    const mine = await the.callers.client.job.listMine();
    expect(mine.find((job) => job.id === jobId)).toMatchObject({ proposalCount: 1, liveProposals: 1, unviewedProposals: 1, status: "OPEN" });
    expect(await the.callers.otherClient.job.listMine()).toEqual([]);
    await expect(the.callers.freelancer.job.listMine()).rejects.toMatchObject(FORBIDDEN);
    const detail = await the.callers.client.job.getMine({ jobId });
    expect(detail.proposals).toEqual([expect.objectContaining({ bidMinor: 95_000n, status: "SUBMITTED", freelancer: expect.objectContaining({ id: the.users.freelancer.id, name: the.users.freelancer.name, summary: expect.objectContaining({ totalEarnedMinor: 0n }) }) })]);
    await expect(the.callers.otherClient.job.getMine({ jobId })).rejects.toMatchObject(NOT_FOUND);
    await expect(the.callers.freelancer.job.getMine({ jobId })).rejects.toMatchObject(FORBIDDEN);
  });

  it("job.inviteCandidates is talent search on the job (no email anywhere), job.invite invites for 0 connects, and the card then says so", async () => {
    const jobId = await the.job();
    const target = the.users.otherFreelancer;
    await db.prisma.freelancerProfile.update({ where: { userId: target.id }, data: { title: "Landing page specialist", skills: ["inviteable"] } });
    // An email finds nobody: searching by one would confirm to a stranger that the address has an account.
    expect((await the.callers.client.job.inviteCandidates({ jobId, q: target.email.toUpperCase() })).freelancers).toEqual([]);
    const [card] = (await the.callers.client.job.inviteCandidates({ jobId, q: "landing page specialist" })).freelancers;
    expect(card).toMatchObject({ id: target.id, name: target.name, title: "Landing page specialist", canInvite: true, invitation: null, note: null });
    // Cards never carry anyone's email address.
    for (const candidate of (await the.callers.client.job.inviteCandidates({ jobId })).freelancers) expect(JSON.stringify(candidate, (_, value: unknown) => (typeof value === "bigint" ? String(value) : value))).not.toContain("@");
    await expect(the.callers.otherClient.job.inviteCandidates({ jobId })).rejects.toMatchObject(NOT_FOUND);
    await expect(the.callers.freelancer.job.inviteCandidates({ jobId })).rejects.toMatchObject(FORBIDDEN);
    const invite = { jobId, freelancerId: target.id, message: "Would you like to apply?" };
    await expect(the.callers.otherClient.job.invite({ ...invite, idempotencyKey: key() })).rejects.toMatchObject(NOT_FOUND);
    await expect(the.callers.freelancer.job.invite({ ...invite, idempotencyKey: key() })).rejects.toMatchObject(FORBIDDEN);
    await expect(the.callers.client.job.invite({ ...invite, idempotencyKey: key() })).resolves.toMatchObject({ jobId });
    expect(await the.callers.otherFreelancer.job.get({ jobId })).toMatchObject({ invited: true, costForYou: 0 });
    const [after] = (await the.callers.client.job.inviteCandidates({ jobId, q: "landing page specialist" })).freelancers;
    expect(after).toMatchObject({ id: target.id, canInvite: false, invitation: { status: "PENDING" }, note: `You invited ${target.name}; no answer yet.` });
  });
});
