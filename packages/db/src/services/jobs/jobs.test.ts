import { addDays } from "@fairlance/rules";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { assertLedgerHolds, COVER_LETTER, freshDatabase, key, makeUser, openJob, type TestDatabase } from "../../testing";
import { closeJob } from "./close-job";
import { editJob } from "./edit-job";
import { inviteFreelancer } from "./invite-freelancer";
import { postJob } from "./post-job";
import { publishJob } from "./publish-job";
import { submitProposal } from "./submit-proposal";

let db: TestDatabase;
let client: string;
let otherClient: string;
let freelancer: string;
let admin: string;
beforeAll(async () => {
  db = await freshDatabase();
  client = (await makeUser(db.prisma, "CLIENT")).id;
  otherClient = (await makeUser(db.prisma, "CLIENT")).id;
  freelancer = (await makeUser(db.prisma, "FREELANCER")).id;
  admin = (await makeUser(db.prisma, "ADMIN")).id;
});
afterEach(() => assertLedgerHolds(db.prisma));
afterAll(() => db.drop());

const now = new Date("2026-12-01T09:00:00Z");
const fixed = {
  title: "Logo for a bakery",
  description: "A simple, friendly logo for our neighbourhood bakery.",
  type: "FIXED" as const,
  budgetMinor: 4_000n,
  durationDays: 1,
  experienceLevel: "ENTRY" as const,
  skills: ["logo", "illustration"],
};

describe("postJob", () => {
  it("publishes a fixed-price job priced by the rate card, with the auction closing 7 days later", async () => {
    const job = await postJob(db.prisma, { ...fixed, actorId: client, now, idempotencyKey: key(), publish: true });
    expect(job).toMatchObject({ status: "OPEN", connectCost: 1, settingsVersion: 0, publishedAt: now, auctionClosesAt: addDays(now, 7) });
    const stored = await db.prisma.job.findUniqueOrThrow({ where: { id: job.jobId } });
    expect(stored).toMatchObject({ lastActivityAt: now, budgetMinor: 4_000n, hourlyMaxMinor: null, proposalCount: 0 });
  });

  it("prices an hourly job on max rate × hours: $50 × 20 h over 20 days costs 5", async () => {
    const job = await postJob(db.prisma, {
      ...fixed,
      type: "HOURLY",
      budgetMinor: undefined,
      hourlyMinMinor: 2_500n,
      hourlyMaxMinor: 5_000n,
      estimatedHours: 20,
      durationDays: 20,
      actorId: client,
      now,
      idempotencyKey: key(),
      publish: true,
    });
    expect(job.connectCost).toBe(5);
  });

  it("keeps a draft unpriced", async () => {
    const job = await postJob(db.prisma, { ...fixed, actorId: client, now, idempotencyKey: key() });
    expect(job).toMatchObject({ status: "DRAFT", connectCost: null, publishedAt: null, auctionClosesAt: null });
  });

  it("prices under the settings in force and stores their version", async () => {
    // Far in the future, so the other tests never run under it (settings rows are append-only).
    const later = new Date("2030-01-01T00:00:00Z");
    const setting = await db.prisma.settingVersion.create({
      data: {
        key: "connectRateCard",
        value: { tiers: [{ upToMinor: null, connects: 9, shortConnects: 8, shortMaxDays: 1 }] },
        effectiveFrom: later,
        reason: "test",
      },
    });
    const before = await postJob(db.prisma, { ...fixed, actorId: client, now, idempotencyKey: key(), publish: true });
    const after = await postJob(db.prisma, { ...fixed, actorId: client, now: later, idempotencyKey: key(), publish: true });
    expect([before.connectCost, after.connectCost, after.settingsVersion]).toEqual([1, 8, setting.id]);
  });

  it("refuses invalid fields with clear messages", async () => {
    await expect(postJob(db.prisma, { ...fixed, budgetMinor: undefined, actorId: client, now, idempotencyKey: key() })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      message: "A fixed-price job needs a budget.",
    });
    await expect(
      postJob(db.prisma, { ...fixed, type: "HOURLY", hourlyMinMinor: 5_000n, hourlyMaxMinor: 2_000n, actorId: client, now, idempotencyKey: key() }),
    ).rejects.toMatchObject({ code: "INVALID_REQUEST", message: expect.stringContaining("The maximum hourly rate cannot be below the minimum.") });
    await expect(postJob(db.prisma, { ...fixed, title: "Hi", skills: [], actorId: client, now, idempotencyKey: key() })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      message: "Give the job a title of at least 5 characters. List at least one skill.",
    });
  });

  it("refuses freelancers and suspended clients", async () => {
    await expect(postJob(db.prisma, { ...fixed, actorId: freelancer, now, idempotencyKey: key() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const suspended = (await makeUser(db.prisma, "CLIENT")).id;
    await db.prisma.user.update({ where: { id: suspended }, data: { suspendedAt: now, suspendedReason: "chargebacks" } });
    await expect(postJob(db.prisma, { ...fixed, actorId: suspended, now, idempotencyKey: key() })).rejects.toMatchObject({ code: "ACCOUNT_SUSPENDED" });
  });

  it("replays the same key without a second job and refuses the key for another request", async () => {
    const idempotencyKey = key();
    const first = await postJob(db.prisma, { ...fixed, title: "Replayed job", actorId: client, now, idempotencyKey, publish: true });
    const again = await postJob(db.prisma, { ...fixed, title: "Replayed job", actorId: client, now, idempotencyKey, publish: true });
    expect(again).toEqual(first);
    expect(await db.prisma.job.count({ where: { title: "Replayed job" } })).toBe(1);
    await expect(postJob(db.prisma, { ...fixed, title: "Another job", actorId: client, now, idempotencyKey })).rejects.toMatchObject({
      code: "IDEMPOTENCY_KEY_REUSED",
    });
  });
});

describe("publishJob", () => {
  it("opens a draft and prices it at publication time", async () => {
    const draft = await postJob(db.prisma, { ...fixed, budgetMinor: 30_000n, durationDays: 10, actorId: client, now, idempotencyKey: key() });
    const later = addDays(now, 2);
    const idempotencyKey = key();
    const published = await publishJob(db.prisma, { jobId: draft.jobId, actorId: client, now: later, idempotencyKey });
    expect(published).toMatchObject({ status: "OPEN", connectCost: 4, publishedAt: later, auctionClosesAt: addDays(later, 7) });
    expect(await publishJob(db.prisma, { jobId: draft.jobId, actorId: client, now: addDays(later, 1), idempotencyKey })).toEqual(published);
    await expect(publishJob(db.prisma, { jobId: draft.jobId, actorId: client, now: later, idempotencyKey: key() })).rejects.toMatchObject({
      code: "JOB_TRANSITION_NOT_ALLOWED",
    });
  });

  it("hides another client's draft and refuses freelancers", async () => {
    const draft = await postJob(db.prisma, { ...fixed, actorId: client, now, idempotencyKey: key() });
    await expect(publishJob(db.prisma, { jobId: draft.jobId, actorId: otherClient, now, idempotencyKey: key() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(publishJob(db.prisma, { jobId: draft.jobId, actorId: freelancer, now, idempotencyKey: key() })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("editJob", () => {
  it("edits an open job's budget but keeps the connect cost it was published with", async () => {
    const jobId = await openJob(db.prisma, client, now, { budgetMinor: 4_000n, durationDays: 1 });
    const later = addDays(now, 3);
    const idempotencyKey = key();
    const edited = await editJob(db.prisma, { jobId, actorId: client, now: later, idempotencyKey, changes: { budgetMinor: 200_000n, durationDays: 90 } });
    expect(edited.connectCost).toBe(1);
    const stored = await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
    expect(stored).toMatchObject({ budgetMinor: 200_000n, durationDays: 90, connectCost: 1, lastActivityAt: later });
    expect(await editJob(db.prisma, { jobId, actorId: client, now: later, idempotencyKey, changes: { budgetMinor: 200_000n, durationDays: 90 } })).toEqual(edited);
    await expect(editJob(db.prisma, { jobId, actorId: client, now, idempotencyKey, changes: { title: "Something else" } })).rejects.toMatchObject({
      code: "IDEMPOTENCY_KEY_REUSED",
    });
  });

  it("refuses switching a published job to hourly, invalid results, strangers and ended jobs", async () => {
    const jobId = await openJob(db.prisma, client, now);
    const edit = (actorId: string, changes: Parameters<typeof editJob>[1]["changes"]) => editJob(db.prisma, { jobId, actorId, now, idempotencyKey: key(), changes });
    await expect(edit(client, { type: "HOURLY" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(edit(client, { budgetMinor: null })).rejects.toMatchObject({ code: "INVALID_REQUEST", message: "A fixed-price job needs a budget." });
    await expect(edit(otherClient, { title: "Mine now, surely" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(edit(freelancer, { title: "Mine now, surely" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await closeJob(db.prisma, { jobId, actorId: client, now, idempotencyKey: key() });
    await expect(edit(client, { title: "Too late to edit" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lets a draft switch to hourly", async () => {
    const draft = await postJob(db.prisma, { ...fixed, actorId: client, now, idempotencyKey: key() });
    await editJob(db.prisma, {
      jobId: draft.jobId,
      actorId: client,
      now,
      idempotencyKey: key(),
      changes: { type: "HOURLY", budgetMinor: null, hourlyMinMinor: 3_000n, hourlyMaxMinor: 6_000n, estimatedHours: 10 },
    });
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id: draft.jobId } })).toMatchObject({ type: "HOURLY", budgetMinor: null, hourlyMaxMinor: 6_000n });
  });
});

describe("inviteFreelancer", () => {
  it("invites once per job and freelancer, and the invited proposal costs 0", async () => {
    const jobId = await openJob(db.prisma, client, now);
    const idempotencyKey = key();
    const request = { jobId, freelancerId: freelancer, actorId: client, now, idempotencyKey, message: "Your portfolio fits." };
    const invitation = await inviteFreelancer(db.prisma, request);
    expect(await inviteFreelancer(db.prisma, request)).toEqual(invitation);
    await expect(inviteFreelancer(db.prisma, { ...request, message: "Another text" })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    await expect(inviteFreelancer(db.prisma, { ...request, idempotencyKey: key() })).rejects.toMatchObject({ code: "CONFLICT" });
    const proposal = await submitProposal(db.prisma, { jobId, actorId: freelancer, now, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n });
    expect(proposal).toMatchObject({ invited: true, connectCost: 0, connectsSpent: 0 });
  });

  it("refuses strangers, non-freelancers, closed jobs and people who already proposed", async () => {
    const jobId = await openJob(db.prisma, client, now);
    const invite = (actorId: string, freelancerId: string, job = jobId) =>
      inviteFreelancer(db.prisma, { jobId: job, freelancerId, actorId, now, idempotencyKey: key(), message: "Hello" });
    await expect(invite(otherClient, freelancer)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(invite(freelancer, freelancer)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(invite(client, admin)).rejects.toMatchObject({ code: "NOT_FOUND", message: "This freelancer does not exist." });
    const draft = await postJob(db.prisma, { ...fixed, actorId: client, now, idempotencyKey: key() });
    await expect(invite(client, freelancer, draft.jobId)).rejects.toMatchObject({ code: "JOB_NOT_OPEN" });
  });
});
