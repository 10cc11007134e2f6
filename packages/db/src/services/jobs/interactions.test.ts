import { addDays } from "@fairlance/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COVER_LETTER, freelancerWithConnects, freshDatabase, key, makeVerifiedClient, openJob, type TestDatabase } from "../../testing";
import { getClientJob, listClientJobs } from "../../read/client-jobs";
import { getJobForFreelancer } from "../../read/job-pages";
import { declineOffer } from "../contracts/decline-offer";
import { expireOffers } from "../contracts/expire-offers";
import { hireProposal } from "../contracts/hire-proposal";
import { declineInvitation } from "../invitations/decline-invitation";
import { sendMessage } from "../messages/send-message";
import { closeBoostAuctions } from "./close-boost-auctions";
import { declineProposal } from "./decline-proposal";
import { editJob } from "./edit-job";
import { expireJobs } from "./expire-jobs";
import { interviewProposal } from "./interview-proposal";
import { inviteFreelancer } from "./invite-freelancer";
import { markProposalViewed } from "./mark-proposal-viewed";
import { shortlistProposal } from "./shortlist-proposal";
import { submitProposal } from "./submit-proposal";
import { withdrawProposal } from "./withdraw-proposal";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase({ max: 8 });
});
afterAll(() => db.drop());

const posted = new Date("2027-03-01T09:00:00Z");
const minutes = (n: number) => new Date(posted.getTime() + n * 60_000);
const fixed = { type: "FIXED" as const, milestones: [{ title: "All of it", amountMinor: 90_000n }] };

async function propose(jobId: string, boostConnects: number, at: Date) {
  const freelancer = await freelancerWithConnects(db.prisma, 40, posted);
  const { proposalId } = await submitProposal(db.prisma, { jobId, actorId: freelancer.id, now: at, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n, boostConnects });
  return { freelancerId: freelancer.id, proposalId };
}

describe("each client interaction keeps a boost outside the top slots (economy.md §2.3)", () => {
  it("viewing, messaging, shortlisting, inviting to interview, declining and hiring keep it; the freelancer writing does not; the list ranks only the top 4 first", async () => {
    const client = await makeVerifiedClient(db.prisma);
    const jobId = await openJob(db.prisma, client.id, posted);
    const plain = await propose(jobId, 0, minutes(1));
    const top = [await propose(jobId, 10, minutes(2)), await propose(jobId, 9, minutes(3)), await propose(jobId, 8, minutes(4)), await propose(jobId, 7, minutes(5))];
    const kinds = ["viewed", "messaged", "shortlisted", "interviewed", "declined", "offered"] as const;
    const low = new Map<string, { freelancerId: string; proposalId: string }>();
    for (const [i, kind] of kinds.entries()) low.set(kind, await propose(jobId, 2, minutes(10 + i)));
    const untouched = await propose(jobId, 2, minutes(20));

    // Before anything: the four highest boosts first, then every other proposal oldest first (boosted or not).
    const page = await getClientJob(db.prisma, jobId, client.id, minutes(30));
    expect(page.proposals.map((p) => [p.id, p.topSlot])).toEqual([
      ...top.map((p) => [p.proposalId, true]),
      [plain.proposalId, false],
      ...kinds.map((kind) => [low.get(kind)!.proposalId, false]),
      [untouched.proposalId, false],
    ]);
    expect(page.ranking).toBe("The 4 highest boosts are shown first (a higher bid first, the earlier one on a tie), then every other proposal oldest first.");
    // The freelancers' own pages say the same.
    expect((await getJobForFreelancer(db.prisma, jobId, top[3]!.freelancerId, minutes(30))).myProposal?.boost).toMatchObject({ topSlot: true, slots: 4, settled: null });
    expect((await getJobForFreelancer(db.prisma, jobId, untouched.freelancerId, minutes(30))).myProposal?.boost).toMatchObject({ topSlot: false, clientInteracted: false, settled: null });
    expect((await getJobForFreelancer(db.prisma, jobId, plain.freelancerId, minutes(30))).myProposal?.boost).toBeNull();

    const as = { actorId: client.id, now: minutes(60) };
    await markProposalViewed(db.prisma, { ...as, proposalId: low.get("viewed")!.proposalId });
    await sendMessage(db.prisma, { ...as, idempotencyKey: key(), proposalId: low.get("messaged")!.proposalId, body: "Could we talk?" });
    await shortlistProposal(db.prisma, { ...as, idempotencyKey: key(), proposalId: low.get("shortlisted")!.proposalId });
    await interviewProposal(db.prisma, { ...as, idempotencyKey: key(), proposalId: low.get("interviewed")!.proposalId });
    await declineProposal(db.prisma, { ...as, idempotencyKey: key(), proposalId: low.get("declined")!.proposalId });
    await hireProposal(db.prisma, { ...as, idempotencyKey: key(), proposalId: low.get("offered")!.proposalId, terms: fixed });
    await sendMessage(db.prisma, { actorId: untouched.freelancerId, now: minutes(61), idempotencyKey: key(), proposalId: untouched.proposalId, body: "Any news?" });

    expect((await getJobForFreelancer(db.prisma, jobId, low.get("messaged")!.freelancerId, minutes(62))).myProposal?.boost).toMatchObject({ topSlot: false, clientInteracted: true });
    const [auction] = await closeBoostAuctions(db.prisma, { now: addDays(posted, 7) });
    const why = new Map(auction!.kept.map((k) => [k.proposalId, k.why]));
    for (const p of top) expect(why.get(p.proposalId)).toBe("top_slot");
    for (const kind of kinds) expect([kind, why.get(low.get(kind)!.proposalId)]).toEqual([kind, "client_interacted"]);
    expect(auction!.refunded).toEqual([{ proposalId: untouched.proposalId, boostConnects: 2 }]);
    expect((await getJobForFreelancer(db.prisma, jobId, low.get("viewed")!.freelancerId, addDays(posted, 7))).myProposal?.boost).toMatchObject({ settled: "kept" });
    expect((await getJobForFreelancer(db.prisma, jobId, untouched.freelancerId, addDays(posted, 7))).myProposal?.boost).toMatchObject({ settled: "refunded", topSlot: false });
  }, 120_000);
});

describe("what postpones a job's expiry (economy.md §3.1)", () => {
  const ten = addDays(posted, 10);
  const shownExpiry = async (jobId: string, clientId: string) => (await getClientJob(db.prisma, jobId, clientId, ten)).job.expiry;

  /** A job posted at `posted` with one proposal (day 0), and what happens on day 10. */
  async function jobWith(action: (ctx: { jobId: string; clientId: string; freelancerId: string; proposalId: string }) => Promise<unknown>) {
    const client = await makeVerifiedClient(db.prisma);
    const jobId = await openJob(db.prisma, client.id, posted);
    const { freelancerId, proposalId } = await propose(jobId, 0, posted);
    await action({ jobId, clientId: client.id, freelancerId, proposalId });
    return { jobId, clientId: client.id };
  }

  it("each client action, a new proposal and an offer ending without a hire count; the freelancer's own moves do not", async () => {
    const counts: Record<string, Parameters<typeof jobWith>[0]> = {
      edited: ({ jobId, clientId }) => editJob(db.prisma, { jobId, actorId: clientId, now: ten, idempotencyKey: key(), changes: { durationDays: 45 } }),
      invited: async ({ jobId, clientId }) => inviteFreelancer(db.prisma, { jobId, freelancerId: (await freelancerWithConnects(db.prisma, 0, posted)).id, actorId: clientId, now: ten, idempotencyKey: key(), message: "Would you apply?" }),
      viewed: ({ clientId, proposalId }) => markProposalViewed(db.prisma, { actorId: clientId, now: ten, proposalId }),
      messaged: ({ clientId, proposalId }) => sendMessage(db.prisma, { actorId: clientId, now: ten, idempotencyKey: key(), proposalId, body: "Hello" }),
      shortlisted: ({ clientId, proposalId }) => shortlistProposal(db.prisma, { actorId: clientId, now: ten, idempotencyKey: key(), proposalId }),
      interviewed: ({ clientId, proposalId }) => interviewProposal(db.prisma, { actorId: clientId, now: ten, idempotencyKey: key(), proposalId }),
      declined: ({ clientId, proposalId }) => declineProposal(db.prisma, { actorId: clientId, now: ten, idempotencyKey: key(), proposalId }),
      proposal: ({ jobId }) => propose(jobId, 0, ten),
      offer_declined: async ({ clientId, freelancerId, proposalId }) => {
        const offer = await hireProposal(db.prisma, { actorId: clientId, now: addDays(posted, 8), idempotencyKey: key(), proposalId, terms: fixed });
        await declineOffer(db.prisma, { actorId: freelancerId, now: ten, idempotencyKey: key(), contractId: offer.contractId });
      },
      offer_expired: async ({ clientId, proposalId }) => {
        await hireProposal(db.prisma, { actorId: clientId, now: addDays(ten, -7), idempotencyKey: key(), proposalId, terms: fixed });
        await expireOffers(db.prisma, { now: ten });
      },
    };
    const notCounted: Record<string, Parameters<typeof jobWith>[0]> = {
      freelancer_messaged: ({ freelancerId, proposalId }) => sendMessage(db.prisma, { actorId: freelancerId, now: ten, idempotencyKey: key(), proposalId, body: "Any news?" }),
      withdrawn: ({ freelancerId, proposalId }) => withdrawProposal(db.prisma, { actorId: freelancerId, now: ten, idempotencyKey: key(), proposalId }),
      invitation_declined: async ({ jobId, clientId }) => {
        const invited = await freelancerWithConnects(db.prisma, 0, posted);
        const { invitationId } = await inviteFreelancer(db.prisma, { jobId, freelancerId: invited.id, actorId: clientId, now: posted, idempotencyKey: key(), message: "Would you apply?" });
        await declineInvitation(db.prisma, { invitationId, actorId: invited.id, now: ten, idempotencyKey: key() });
      },
    };
    const made = new Map<string, { jobId: string; clientId: string; counts: boolean }>();
    for (const [name, action] of Object.entries(counts)) made.set(name, { ...(await jobWith(action)), counts: true });
    for (const [name, action] of Object.entries(notCounted)) made.set(name, { ...(await jobWith(action)), counts: false });

    // What each job's client is shown on day 10, and in the jobs list: the date the runner keeps.
    for (const [name, job] of made) {
      const expected = job.counts ? addDays(ten, 30) : addDays(posted, 30);
      expect([name, await shownExpiry(job.jobId, job.clientId)]).toEqual([name, { expiresAt: expected, held: null }]);
      const row = (await listClientJobs(db.prisma, job.clientId, ten)).find((r) => r.id === job.jobId);
      expect([name, row?.expiry.expiresAt]).toEqual([name, expected]);
    }
    // The runner a millisecond before day 30, at day 30, a millisecond before day 40 and at day 40.
    const expiredBy = async (at: Date) => new Set((await expireJobs(db.prisma, { now: at })).map((j) => j.jobId));
    expect(await expiredBy(new Date(addDays(posted, 30).getTime() - 1))).toEqual(new Set());
    const day30 = await expiredBy(addDays(posted, 30));
    const day40early = await expiredBy(new Date(addDays(ten, 30).getTime() - 1));
    const day40 = await expiredBy(addDays(ten, 30));
    for (const [name, job] of made) {
      expect([name, day30.has(job.jobId), day40early.has(job.jobId), day40.has(job.jobId)]).toEqual([name, !job.counts, false, job.counts]);
    }
  }, 180_000);

  it("a job with an offer waiting for an answer shows that it does not expire", async () => {
    const { jobId, clientId } = await jobWith(({ clientId, proposalId }) => hireProposal(db.prisma, { actorId: clientId, now: ten, idempotencyKey: key(), proposalId, terms: fixed }));
    expect(await shownExpiry(jobId, clientId)).toEqual({ expiresAt: null, held: "offer_waiting" });
    expect((await listClientJobs(db.prisma, clientId, ten)).find((r) => r.id === jobId)?.expiry).toEqual({ expiresAt: null, held: "offer_waiting" });
  });
});
