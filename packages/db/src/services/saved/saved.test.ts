import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COVER_LETTER, earn, freelancerWithConnects, freshDatabase, key, makeUser, openJob, type TestDatabase } from "../../testing";
import { listSavedFreelancers, listSavedJobs } from "../../read/saved";
import { closeJob } from "../jobs/close-job";
import { submitProposal } from "../jobs/submit-proposal";
import { saveFreelancer } from "./save-freelancer";
import { saveJob } from "./save-job";
import { unsaveFreelancer } from "./unsave-freelancer";
import { unsaveJob } from "./unsave-job";

let db: TestDatabase;
let client: string;
const now = new Date("2026-12-01T09:00:00Z");
const later = new Date("2026-12-03T09:00:00Z");

beforeAll(async () => {
  db = await freshDatabase();
  client = (await makeUser(db.prisma, "CLIENT")).id;
});
afterAll(() => db.drop());

describe("saved jobs", () => {
  it("saves an open job once (saving again answers the same), lists it with its state now, and unsaves it", async () => {
    const freelancer = (await freelancerWithConnects(db.prisma, 20, now)).id;
    const [first, second] = [await openJob(db.prisma, client, now, { title: "First saved job" }), await openJob(db.prisma, client, now, { title: "Second saved job" })];
    const saved = await saveJob(db.prisma, { jobId: first, actorId: freelancer, now });
    expect(saved).toEqual({ jobId: first, saved: true, savedAt: now });
    expect(await saveJob(db.prisma, { jobId: first, actorId: freelancer, now: later })).toEqual(saved);
    await Promise.all([saveJob(db.prisma, { jobId: second, actorId: freelancer, now: later }), saveJob(db.prisma, { jobId: second, actorId: freelancer, now: later })]);
    await submitProposal(db.prisma, { jobId: second, actorId: freelancer, now: later, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n });
    await closeJob(db.prisma, { jobId: first, actorId: client, now: later, idempotencyKey: key() });

    const list = await listSavedJobs(db.prisma, freelancer);
    expect(list.map((row) => [row.job.title, row.job.status, row.savedAt, row.open, row.proposed, row.note])).toEqual([
      ["Second saved job", "OPEN", later, true, true, "You have sent a proposal."],
      ["First saved job", "CLOSED", now, false, false, "The client closed this job without hiring."],
    ]);
    // A closed job can be unsaved (but not saved anew); unsaving twice is the same answer.
    expect(await unsaveJob(db.prisma, { jobId: first, actorId: freelancer, now })).toEqual({ jobId: first, saved: false, savedAt: null });
    expect(await unsaveJob(db.prisma, { jobId: first, actorId: freelancer, now })).toEqual({ jobId: first, saved: false, savedAt: null });
    await expect(saveJob(db.prisma, { jobId: first, actorId: freelancer, now })).rejects.toMatchObject({ code: "JOB_NOT_OPEN" });
    expect((await listSavedJobs(db.prisma, freelancer)).map((row) => row.job.id)).toEqual([second]);
    // Each freelancer's own list.
    expect(await listSavedJobs(db.prisma, (await makeUser(db.prisma, "FREELANCER")).id)).toEqual([]);
  });

  it("refuses drafts like missing jobs, and clients", async () => {
    const freelancer = (await makeUser(db.prisma, "FREELANCER")).id;
    const draft = await openJob(db.prisma, client, now, { publish: false });
    await expect(saveJob(db.prisma, { jobId: draft, actorId: freelancer, now })).rejects.toMatchObject({ code: "NOT_FOUND", message: "This job does not exist." });
    await expect(saveJob(db.prisma, { jobId: crypto.randomUUID(), actorId: freelancer, now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveJob(db.prisma, { jobId: draft, actorId: client, now })).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only freelancers can save jobs." });
    await expect(saveJob(db.prisma, { jobId: "nope", actorId: freelancer, now })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
  });
});

describe("saved freelancers", () => {
  it("saves a freelancer once, lists them as talent search's cards, and unsaves them", async () => {
    const ana = await makeUser(db.prisma, "FREELANCER", { name: "Ana" });
    const ben = await makeUser(db.prisma, "FREELANCER", { name: "Ben" });
    await db.prisma.freelancerProfile.update({ where: { userId: ana.id }, data: { title: "Data engineer", hourlyRateMinor: 8_000n, jobSuccessScore: 92, updatedAt: now } });
    await earn(db.prisma, { clientId: client, freelancerId: ana.id, grossMinor: 30_000n, now });
    expect(await saveFreelancer(db.prisma, { freelancerId: ana.id, actorId: client, now })).toEqual({ freelancerId: ana.id, saved: true, savedAt: now });
    expect(await saveFreelancer(db.prisma, { freelancerId: ana.id, actorId: client, now: later })).toEqual({ freelancerId: ana.id, saved: true, savedAt: now });
    await saveFreelancer(db.prisma, { freelancerId: ben.id, actorId: client, now: later });

    const list = await listSavedFreelancers(db.prisma, client);
    expect(list.map((row) => [row.name, row.savedAt])).toEqual([["Ben", later], ["Ana", now]]);
    expect(list[1]).toMatchObject({ title: "Data engineer", hourlyRateMinor: 8_000n, jobSuccessScore: 92, totalEarnedMinor: 30_000n, avatarUrl: null });
    // A freelancer suspended since is not listed.
    await db.prisma.user.update({ where: { id: ben.id }, data: { suspendedAt: later, suspendedReason: "Test" } });
    expect((await listSavedFreelancers(db.prisma, client)).map((row) => row.name)).toEqual(["Ana"]);

    expect(await unsaveFreelancer(db.prisma, { freelancerId: ana.id, actorId: client, now })).toEqual({ freelancerId: ana.id, saved: false, savedAt: null });
    expect(await unsaveFreelancer(db.prisma, { freelancerId: ana.id, actorId: client, now })).toEqual({ freelancerId: ana.id, saved: false, savedAt: null });
    expect(await listSavedFreelancers(db.prisma, client)).toEqual([]);
    expect(await listSavedFreelancers(db.prisma, (await makeUser(db.prisma, "CLIENT")).id)).toEqual([]);
  });

  it("refuses clients, admins, suspended and missing people like a missing freelancer, and freelancers as savers", async () => {
    const client = (await makeUser(db.prisma, "CLIENT")).id;
    const other = await makeUser(db.prisma, "CLIENT");
    const suspended = await makeUser(db.prisma, "FREELANCER", { suspended: true });
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    for (const freelancerId of [other.id, suspended.id, crypto.randomUUID()]) {
      await expect(saveFreelancer(db.prisma, { freelancerId, actorId: client, now })).rejects.toMatchObject({ code: "NOT_FOUND", message: "This freelancer does not exist." });
    }
    await expect(saveFreelancer(db.prisma, { freelancerId: freelancer.id, actorId: freelancer.id, now })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.prisma.savedFreelancer.count({ where: { clientId: client } })).toBe(0);
  });
});
