import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freelancerWithConnects, freshDatabase, key, makeUser, openJob, type TestDatabase } from "../testing";
import { suspendUser, unsuspendUser } from "../services/admin/suspend-user";
import { inviteFreelancer } from "../services/jobs/invite-freelancer";
import { saveJob } from "../services/saved/save-job";
import { listMyInvitations } from "./invitations";
import { listSavedJobs } from "./saved";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

const now = new Date("2026-12-01T09:00:00Z");
const later = new Date("2026-12-02T09:00:00Z");
const PAUSED = "Paused while its client's account is under review: it takes no proposals for now.";

describe("a job paused with its client's suspension (economy.md §5.3), in the freelancer's lists", () => {
  it("is not called open in Saved jobs or Invitations while paused, and is again once the suspension is lifted", async () => {
    const admin = (await makeUser(db.prisma, "ADMIN")).id;
    const client = (await makeUser(db.prisma, "CLIENT")).id;
    const freelancer = (await freelancerWithConnects(db.prisma, 20, now)).id;
    const jobId = await openJob(db.prisma, client, now, { title: "Paused translation job" });
    await saveJob(db.prisma, { jobId, actorId: freelancer, now });
    await inviteFreelancer(db.prisma, { jobId, freelancerId: freelancer, actorId: client, now, idempotencyKey: key(), message: "Would you translate our site?" });

    const saved = async () => (await listSavedJobs(db.prisma, freelancer)).map((row) => ({ status: row.job.status, open: row.open, note: row.note }));
    const invitations = async () => {
      const list = await listMyInvitations(db.prisma, {}, freelancer);
      return { waiting: list.waiting, rows: list.invitations.map((row) => ({ jobOpen: row.jobOpen, canAnswer: row.canAnswer, note: row.note })) };
    };
    expect(await saved()).toEqual([{ status: "OPEN", open: true, note: "Open: you can send a proposal." }]);
    expect(await invitations()).toEqual({ waiting: 1, rows: [{ jobOpen: true, canAnswer: true, note: "Send a proposal for 0 connects, or decline." }] });

    await suspendUser(db.prisma, { actorId: admin, idempotencyKey: key(), userId: client, reason: "Fake payment proofs", now: later });
    expect(await saved()).toEqual([{ status: "OPEN", open: false, note: PAUSED }]);
    expect(await invitations()).toEqual({
      waiting: 0,
      rows: [{ jobOpen: false, canAnswer: false, note: "The job is paused while its client's account is under review: it takes no proposals for now." }],
    });

    await unsuspendUser(db.prisma, { actorId: admin, idempotencyKey: key(), userId: client, reason: "Cleared up", now: later });
    expect(await saved()).toEqual([{ status: "OPEN", open: true, note: "Open: you can send a proposal." }]);
    expect((await invitations()).rows[0]!.canAnswer).toBe(true);
  });
});
