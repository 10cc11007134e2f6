import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COVER_LETTER, freelancerWithConnects, freshDatabase, key, makeUser, openJob, type TestDatabase } from "../../testing";
import { getClientJob } from "../../read/client-jobs";
import { listInviteCandidates, listMyInvitations } from "../../read/invitations";
import { closeJob } from "../jobs/close-job";
import { inviteFreelancer } from "../jobs/invite-freelancer";
import { submitProposal } from "../jobs/submit-proposal";
import { connectsOf } from "../jobs/test-helpers";
import { declineInvitation } from "./decline-invitation";

let db: TestDatabase;
let client: string;
const now = new Date("2026-12-01T09:00:00Z");
const later = new Date("2026-12-02T10:00:00Z");

beforeAll(async () => {
  db = await freshDatabase();
  client = (await makeUser(db.prisma, "CLIENT", { name: "Carla" })).id;
});
afterAll(() => db.drop());

const invite = async (jobId: string, freelancerId: string, message = "Would you apply?") =>
  (await inviteFreelancer(db.prisma, { jobId, freelancerId, actorId: client, now, idempotencyKey: key(), message })).invitationId;
const decline = (invitationId: string, actorId: string, reason?: string, idempotencyKey = key()) =>
  declineInvitation(db.prisma, { invitationId, actorId, now: later, idempotencyKey, ...(reason === undefined ? {} : { reason }) });
const propose = (jobId: string, actorId: string) =>
  submitProposal(db.prisma, { jobId, actorId, now: later, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n });

async function namedFreelancer(name: string, title: string, connects = 20) {
  const freelancer = await freelancerWithConnects(db.prisma, connects, now, { name });
  await db.prisma.freelancerProfile.update({ where: { userId: freelancer.id }, data: { title, skills: ["invitable"], updatedAt: now } });
  return freelancer.id;
}

describe("declineInvitation", () => {
  it("declines a pending invitation with a reason the client reads on the job, once", async () => {
    const freelancer = await namedFreelancer("Dora", "Copywriter");
    const jobId = await openJob(db.prisma, client, now, { title: "Write our launch copy" });
    const invitationId = await invite(jobId, freelancer);
    const idempotencyKey = key();
    const declined = await decline(invitationId, freelancer, "  Fully booked until March.  ", idempotencyKey);
    expect(declined).toEqual({ invitationId, jobId, status: "DECLINED", respondedAt: later, declineReason: "Fully booked until March." });
    // A replay answers the same; the key for another answer is refused; a new decline is refused.
    expect(await decline(invitationId, freelancer, "  Fully booked until March.  ", idempotencyKey)).toEqual(declined);
    await expect(decline(invitationId, freelancer, "Other", idempotencyKey)).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    await expect(decline(invitationId, freelancer)).rejects.toMatchObject({ code: "CONFLICT", message: "You have already declined this invitation." });

    const page = await getClientJob(db.prisma, jobId, client, later);
    expect(page.invitations).toEqual([
      {
        freelancerId: freelancer,
        name: "Dora",
        createdAt: now,
        status: "DECLINED",
        respondedAt: later,
        declineReason: "Fully booked until March.",
        note: 'Dora declined your invitation: "Fully booked until March."',
      },
    ]);
  });

  it("takes no reason (a blank one is none), and refuses another freelancer's invitation like a missing one", async () => {
    const freelancer = await namedFreelancer("Eli", "Translator");
    const other = await namedFreelancer("Fin", "Translator");
    const jobId = await openJob(db.prisma, client, now);
    const invitationId = await invite(jobId, freelancer);
    await expect(decline(invitationId, other)).rejects.toMatchObject({ code: "NOT_FOUND", message: "This invitation does not exist." });
    await expect(decline(crypto.randomUUID(), freelancer)).rejects.toMatchObject({ code: "NOT_FOUND", message: "This invitation does not exist." });
    await expect(decline(invitationId, client)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decline(invitationId, freelancer, "x".repeat(501))).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    expect(await decline(invitationId, freelancer, "   ")).toMatchObject({ status: "DECLINED", declineReason: null });
    const [row] = (await getClientJob(db.prisma, jobId, client, later)).invitations;
    expect(row!.note).toBe("Eli declined your invitation without giving a reason.");
  });

  it("cannot decline an invitation already answered with a proposal", async () => {
    const freelancer = await namedFreelancer("Gus", "Editor");
    const jobId = await openJob(db.prisma, client, now);
    const invitationId = await invite(jobId, freelancer);
    await propose(jobId, freelancer);
    await expect(decline(invitationId, freelancer)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "You answered this invitation with a proposal; withdraw the proposal instead.",
    });
  });
});

describe("a proposal answers the invitation", () => {
  it("marks the pending invitation accepted in its transaction, for 0 connects", async () => {
    const freelancer = await namedFreelancer("Hana", "Illustrator", 3);
    const jobId = await openJob(db.prisma, client, now);
    const invitationId = await invite(jobId, freelancer);
    const proposal = await propose(jobId, freelancer);
    expect(proposal).toMatchObject({ invited: true, connectCost: 0, connectsSpent: 0 });
    expect(await connectsOf(db.prisma, freelancer, later)).toBe(3);
    expect(await db.prisma.invitation.findUniqueOrThrow({ where: { id: invitationId } })).toMatchObject({ status: "ACCEPTED", respondedAt: later, declineReason: null });
    const [row] = (await getClientJob(db.prisma, jobId, client, later)).invitations;
    expect(row).toMatchObject({ status: "ACCEPTED", note: "Hana accepted your invitation and sent a proposal." });
  });

  it("leaves a proposal without an invitation, and other jobs' invitations, alone", async () => {
    const freelancer = await namedFreelancer("Ivo", "Illustrator");
    const [jobA, jobB] = [await openJob(db.prisma, client, now), await openJob(db.prisma, client, now)];
    const invitationB = await invite(jobB, freelancer);
    await propose(jobA, freelancer);
    expect(await db.prisma.invitation.findUniqueOrThrow({ where: { id: invitationB } })).toMatchObject({ status: "PENDING", respondedAt: null });
  });
});

describe("listMyInvitations", () => {
  it("lists what a freelancer received, newest first, with the job, the client, the message and what they can do", async () => {
    const freelancer = await namedFreelancer("Jo", "Photographer");
    const open = await openJob(db.prisma, client, now, { title: "Product photos" });
    const closed = await openJob(db.prisma, client, now, { title: "Event photos" });
    const answered = await openJob(db.prisma, client, now, { title: "Team portraits" });
    await inviteFreelancer(db.prisma, { jobId: answered, freelancerId: freelancer, actorId: client, now: new Date("2026-11-29T09:00:00Z"), idempotencyKey: key(), message: "Portraits?" });
    await inviteFreelancer(db.prisma, { jobId: closed, freelancerId: freelancer, actorId: client, now: new Date("2026-11-30T09:00:00Z"), idempotencyKey: key(), message: "Events?" });
    await inviteFreelancer(db.prisma, { jobId: open, freelancerId: freelancer, actorId: client, now, idempotencyKey: key(), message: "Products?" });
    await closeJob(db.prisma, { jobId: closed, actorId: client, now, idempotencyKey: key() });
    const [portraits] = await db.prisma.invitation.findMany({ where: { jobId: answered } });
    await decline(portraits!.id, freelancer, "Not my field");

    const mine = await listMyInvitations(db.prisma, {}, freelancer);
    expect(mine).toMatchObject({ total: 3, waiting: 1, page: 1, pageCount: 1 });
    expect(mine.invitations.map((i) => [i.job.title, i.client.name, i.message, i.status, i.jobOpen, i.canAnswer, i.note])).toEqual([
      ["Product photos", "Carla", "Products?", "PENDING", true, true, "Send a proposal for 0 connects, or decline."],
      ["Event photos", "Carla", "Events?", "PENDING", false, false, "The job is no longer open."],
      ["Team portraits", "Carla", "Portraits?", "DECLINED", true, false, "You declined; Carla sees your answer."],
    ]);
    expect(mine.invitations[2]).toMatchObject({ respondedAt: later, declineReason: "Not my field" });
    expect((await listMyInvitations(db.prisma, { status: "DECLINED" }, freelancer)).invitations.map((i) => i.job.title)).toEqual(["Team portraits"]);
    // Nobody else's.
    expect((await listMyInvitations(db.prisma, {}, await namedFreelancer("Kai", "Nothing"))).invitations).toEqual([]);
    await expect(listMyInvitations(db.prisma, { status: "MAYBE" } as never, freelancer)).rejects.toMatchObject({ code: "INVALID_REQUEST" });
  });
});

describe("listInviteCandidates", () => {
  it("is talent search on the client's job, saying who was invited or proposed instead of hiding them", async () => {
    const jobId = await openJob(db.prisma, client, now);
    const [fresh, invited, proposed, declined] = [
      await namedFreelancer("Lia", "Invite candidate"),
      await namedFreelancer("Max", "Invite candidate"),
      await namedFreelancer("Ned", "Invite candidate"),
      await namedFreelancer("Ola", "Invite candidate"),
    ];
    await invite(jobId, invited);
    await propose(jobId, proposed);
    await decline(await invite(jobId, declined), declined, "Too busy");
    const result = await listInviteCandidates(db.prisma, { jobId, q: "candidate" }, client);
    expect(result).toMatchObject({ total: 4, jobOpen: true, closedNote: null });
    const byName = Object.fromEntries(result.freelancers.map((hit) => [hit.name, hit]));
    expect(byName.Lia).toMatchObject({ id: fresh, canInvite: true, proposed: false, invitation: null, note: null });
    expect(byName.Max).toMatchObject({ canInvite: false, invitation: { status: "PENDING", createdAt: now }, note: "You invited Max; no answer yet." });
    expect(byName.Ned).toMatchObject({ canInvite: false, proposed: true, invitation: null, note: "Ned has already sent a proposal for this job." });
    expect(byName.Ola).toMatchObject({ canInvite: false, invitation: { status: "DECLINED", declineReason: "Too busy" }, note: 'Ola declined your invitation: "Too busy"' });

    const other = (await makeUser(db.prisma, "CLIENT")).id;
    await expect(listInviteCandidates(db.prisma, { jobId }, other)).rejects.toMatchObject({ code: "NOT_FOUND", message: "This job does not exist." });
    await closeJob(db.prisma, { jobId, actorId: client, now: later, idempotencyKey: key() });
    const closed = await listInviteCandidates(db.prisma, { jobId, q: "candidate" }, client);
    expect(closed).toMatchObject({ jobOpen: false, closedNote: "This job is no longer open: invitations go to open jobs only." });
    expect(closed.freelancers.every((hit) => !hit.canInvite)).toBe(true);
  });
});
