import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COVER_LETTER, freelancerWithConnects, freshDatabase, key, makeUser, openJob, type TestDatabase } from "../../testing";
import { getConnectsRoi } from "../../read/connects-roi";
import { sendMessage } from "../messages/send-message";
import { declineProposal } from "./decline-proposal";
import { interviewProposal } from "./interview-proposal";
import { shortlistProposal } from "./shortlist-proposal";
import { submitProposal } from "./submit-proposal";

// economy.md §3.1: a proposal reaches interviewing when the client invites the proposer to
// interview or writes to them; the connects ROI counts it as an interview (§8).
let db: TestDatabase;
let client: string;
let otherClient: string;
let jobId: string;
const now = new Date("2026-12-01T09:00:00Z");
beforeAll(async () => {
  db = await freshDatabase();
  client = (await makeUser(db.prisma, "CLIENT")).id;
  otherClient = (await makeUser(db.prisma, "CLIENT")).id;
  jobId = await openJob(db.prisma, client, now);
});
afterAll(() => db.drop());

async function proposal() {
  const freelancer = (await freelancerWithConnects(db.prisma, 20, now)).id;
  const { proposalId } = await submitProposal(db.prisma, { jobId, actorId: freelancer, now, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n });
  return { freelancer, proposalId };
}
const statusOf = async (id: string) => (await db.prisma.proposal.findUniqueOrThrow({ where: { id } })).status;

describe("interviews", () => {
  it("an invitation to interview moves a shortlisted proposal to interviewing, once, and marks it viewed", async () => {
    const { freelancer, proposalId } = await proposal();
    await shortlistProposal(db.prisma, { actorId: client, now, idempotencyKey: key(), proposalId });
    const input = { actorId: client, now, idempotencyKey: key(), proposalId };
    const first = await interviewProposal(db.prisma, input);
    expect(first).toMatchObject({ proposalId, status: "INTERVIEWING", viewedAt: now });
    expect(await interviewProposal(db.prisma, input)).toEqual(first);
    // Again with another key: it stays interviewing.
    expect(await interviewProposal(db.prisma, { ...input, idempotencyKey: key() })).toMatchObject({ status: "INTERVIEWING" });
    expect((await getConnectsRoi(db.prisma, freelancer, now)).roi).toMatchObject({ proposals: 1, viewed: 1, interviews: 1, hires: 0 });
  });

  it("a client writing to a proposer starts an interview; the freelancer writing does not", async () => {
    const { freelancer, proposalId } = await proposal();
    await sendMessage(db.prisma, { actorId: freelancer, now, idempotencyKey: key(), proposalId, body: "Happy to answer any questions." });
    expect(await statusOf(proposalId)).toBe("SUBMITTED");
    expect((await getConnectsRoi(db.prisma, freelancer, now)).roi).toMatchObject({ interviews: 0 });
    await sendMessage(db.prisma, { actorId: client, now, idempotencyKey: key(), proposalId, body: "Could we talk tomorrow?" });
    expect(await statusOf(proposalId)).toBe("INTERVIEWING");
    expect((await getConnectsRoi(db.prisma, freelancer, now)).roi).toMatchObject({ viewed: 1, interviews: 1 });
  });

  it("refuses an ended proposal and someone else's, and leaves an ended proposal as it is when the client writes", async () => {
    const { proposalId } = await proposal();
    await expect(interviewProposal(db.prisma, { actorId: otherClient, now, idempotencyKey: key(), proposalId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await declineProposal(db.prisma, { actorId: client, now, idempotencyKey: key(), proposalId });
    await expect(interviewProposal(db.prisma, { actorId: client, now, idempotencyKey: key(), proposalId })).rejects.toMatchObject({ code: "PROPOSAL_TRANSITION_NOT_ALLOWED" });
    await sendMessage(db.prisma, { actorId: client, now, idempotencyKey: key(), proposalId, body: "Sorry, we went another way." });
    expect(await statusOf(proposalId)).toBe("DECLINED");
  });
});
