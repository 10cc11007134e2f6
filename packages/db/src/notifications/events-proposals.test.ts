import { addDays } from "@fairlance/rules";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { assertLedgerHolds, COVER_LETTER, freelancerWithConnects, freshDatabase, key, makeUser, openJob, type TestDatabase } from "../testing";
import { closeJob } from "../services/jobs/close-job";
import { interviewProposal } from "../services/jobs/interview-proposal";
import { inviteFreelancer } from "../services/jobs/invite-freelancer";
import { markProposalViewed } from "../services/jobs/mark-proposal-viewed";
import { shortlistProposal } from "../services/jobs/shortlist-proposal";
import { submitProposal } from "../services/jobs/submit-proposal";
import { notificationsWrittenBy } from "./test-helpers";

// The proposals side of the catalogue (economy.md §11): each event once, with its figures and its
// link, in the transaction of the operation; a replay and a refusal write nothing.
let db: TestDatabase;
let client: { id: string; name: string };
const now = new Date("2026-12-01T09:00:00Z");
beforeAll(async () => {
  db = await freshDatabase();
  client = await makeUser(db.prisma, "CLIENT", { name: "Cora Client" });
});
afterEach(() => assertLedgerHolds(db.prisma));
afterAll(() => db.drop());

const written = (action: () => Promise<unknown>) => notificationsWrittenBy(db.prisma, action);

async function proposal(jobId: string, boostConnects = 0) {
  const freelancer = (await freelancerWithConnects(db.prisma, 30, now)).id;
  const { proposalId } = await submitProposal(db.prisma, { jobId, actorId: freelancer, now, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n, boostConnects });
  return { freelancer, proposalId };
}

describe("proposal viewed, shortlisted, invited to interview", () => {
  it("tells the freelancer the first time the client opens the proposal, and never again", async () => {
    const jobId = await openJob(db.prisma, client.id, now);
    const { freelancer, proposalId } = await proposal(jobId);
    const view = (actorId = client.id) => markProposalViewed(db.prisma, { actorId, now, proposalId });
    // A stranger's refused view tells no one.
    const stranger = (await makeUser(db.prisma, "CLIENT")).id;
    expect(await written(() => expect(view(stranger)).rejects.toMatchObject({ code: "NOT_FOUND" }))).toEqual([]);
    expect(await written(() => view())).toEqual([
      {
        userId: freelancer,
        kind: "proposal_viewed",
        eventKey: `proposal_viewed:${proposalId}`,
        link: `/jobs/${jobId}`,
        title: "Your proposal was viewed",
        body: "Cora Client viewed your proposal for “Build a landing page”.",
        data: { jobTitle: "Build a landing page", clientName: "Cora Client" },
      },
    ]);
    expect(await written(() => view())).toEqual([]);
  });

  it("tells the freelancer of a shortlist once; a replay and a refused shortlist tell no one", async () => {
    const jobId = await openJob(db.prisma, client.id, now);
    const { freelancer, proposalId } = await proposal(jobId);
    const input = { actorId: client.id, now, idempotencyKey: key(), proposalId };
    const notes = await written(() => shortlistProposal(db.prisma, input));
    expect(notes).toMatchObject([{ userId: freelancer, kind: "proposal_shortlisted", eventKey: `proposal_shortlisted:${proposalId}`, link: `/jobs/${jobId}`, data: { jobTitle: "Build a landing page", clientName: "Cora Client" } }]);
    expect(notes[0]!.body).toBe("Cora Client shortlisted your proposal for “Build a landing page”.");
    expect(await written(() => shortlistProposal(db.prisma, input))).toEqual([]);
    // Shortlisting it again is refused by the lifecycle: nothing is written.
    expect(await written(() => expect(shortlistProposal(db.prisma, { ...input, idempotencyKey: key() })).rejects.toMatchObject({ code: "PROPOSAL_TRANSITION_NOT_ALLOWED" }))).toEqual([]);
  });

  it("tells the freelancer of an invitation to interview once, however often it is sent", async () => {
    const jobId = await openJob(db.prisma, client.id, now);
    const { freelancer, proposalId } = await proposal(jobId);
    const input = { actorId: client.id, now, idempotencyKey: key(), proposalId };
    expect(await written(() => interviewProposal(db.prisma, input))).toMatchObject([
      { userId: freelancer, kind: "invited_to_interview", eventKey: `invited_to_interview:${proposalId}`, link: `/jobs/${jobId}`, data: { jobTitle: "Build a landing page", clientName: "Cora Client" } },
    ]);
    expect(await written(() => interviewProposal(db.prisma, input))).toEqual([]);
    expect(await written(() => interviewProposal(db.prisma, { ...input, idempotencyKey: key() }))).toEqual([]);
    const other = (await makeUser(db.prisma, "CLIENT")).id;
    expect(await written(() => expect(interviewProposal(db.prisma, { ...input, actorId: other, idempotencyKey: key() })).rejects.toMatchObject({ code: "NOT_FOUND" }))).toEqual([]);
  });
});

describe("invited to a job", () => {
  it("tells the freelancer of the invitation with the job and who sent it; a replay and a refusal tell no one", async () => {
    const jobId = await openJob(db.prisma, client.id, now);
    const freelancer = (await makeUser(db.prisma, "FREELANCER")).id;
    const input = { actorId: client.id, now, idempotencyKey: key(), jobId, freelancerId: freelancer, message: "Your portfolio fits this job." };
    const notes = await written(() => inviteFreelancer(db.prisma, input));
    const invitation = await db.prisma.invitation.findFirstOrThrow({ where: { jobId, freelancerId: freelancer } });
    expect(notes).toEqual([
      {
        userId: freelancer,
        kind: "invited_to_job",
        eventKey: `invited_to_job:${invitation.id}`,
        link: "/invitations",
        title: "Cora Client invited you to a job",
        body: "Cora Client invited you to propose on “Build a landing page”. A proposal answering an invitation costs no connects.",
        data: { jobTitle: "Build a landing page", clientName: "Cora Client" },
      },
    ]);
    expect(await written(() => inviteFreelancer(db.prisma, input))).toEqual([]);
    expect(await written(() => expect(inviteFreelancer(db.prisma, { ...input, idempotencyKey: key() })).rejects.toMatchObject({ code: "CONFLICT" }))).toEqual([]);
  });
});

describe("connects refunded", () => {
  it("tells each applicant how many connects came back and why when the client closes the job; a replay tells no one", async () => {
    const jobId = await openJob(db.prisma, client.id, now);
    const plain = await proposal(jobId);
    const boosted = await proposal(jobId, 3);
    const input = { jobId, actorId: client.id, now: addDays(now, 1), idempotencyKey: key() };
    const notes = await written(() => closeJob(db.prisma, input));
    const byUser = (userId: string) => notes.filter((n) => n.userId === userId);
    expect(byUser(plain.freelancer)).toMatchObject([
      { kind: "connects_refunded", link: "/connects", data: { connects: 6, jobTitle: "Build a landing page", reason: "the client closed the job without hiring" } },
    ]);
    expect(byUser(plain.freelancer)[0]!.body).toBe("6 connects spent on “Build a landing page” came back to you: the client closed the job without hiring.");
    expect(byUser(boosted.freelancer)).toMatchObject([{ kind: "connects_refunded", data: { connects: 9 } }]);
    expect(notes).toHaveLength(2);
    expect(await written(() => closeJob(db.prisma, input))).toEqual([]);
    expect(await written(() => expect(closeJob(db.prisma, { ...input, idempotencyKey: key() })).rejects.toMatchObject({ code: "JOB_TRANSITION_NOT_ALLOWED" }))).toEqual([]);
  });
});
