import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../client";
import { COVER_LETTER, days, freelancerWithConnects, freshDatabase, key, makeUser, makeVerifiedClient, NOW, openJob, type TestDatabase } from "../testing";
import { leaveFeedback } from "../services/feedback/leave-feedback";
import { clientStars, endedPaidContract, freelancerStars } from "../services/feedback/test-helpers";
import { submitProposal } from "../services/jobs/submit-proposal";
import { getClientJob } from "./client-jobs";
import { findOfferTarget, getHireQuote } from "./contract-pages";
import { freelancerSummaries } from "./freelancer-summary";
import { getJobForFreelancer } from "./job-pages";

// Reputation where a client decides (economy.md §10.5–10.6): applicants, the hire page, a direct
// offer, and the client's stars on the freelancer's job page, each from one read.
let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase({ max: 8 });
});
afterAll(() => db.drop());

function counting(prisma: PrismaClient) {
  const counter = { queries: 0 };
  const client = prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        counter.queries += 1;
        return query(args);
      },
    },
  });
  return { db: client as unknown as PrismaClient, counter };
}

/** A freelancer with a profile, a paid and rated contract (revealed: both sides left theirs). */
async function ratedFreelancer(stars: number, grossMinor: bigint) {
  const client = await makeVerifiedClient(db.prisma, { name: "Rita Rater" });
  const freelancer = await freelancerWithConnects(db.prisma, 50, NOW);
  await db.prisma.freelancerProfile.upsert({
    where: { userId: freelancer.id },
    create: { userId: freelancer.id, title: "Senior React developer", location: "Lisbon, Portugal", jobSuccessScore: 93, updatedAt: NOW },
    update: { title: "Senior React developer", location: "Lisbon, Portugal", jobSuccessScore: 93, updatedAt: NOW },
  });
  const contractId = await endedPaidContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, endedAt: NOW, grossMinor });
  await leaveFeedback(db.prisma, { actorId: client.id, now: NOW, idempotencyKey: key(), contractId, comment: "Great work, clear and quick.", ...clientStars(stars) });
  await leaveFeedback(db.prisma, { actorId: freelancer.id, now: NOW, idempotencyKey: key(), contractId, comment: "Clear brief, paid on time.", ...freelancerStars(4) });
  return { freelancer, rater: client };
}

describe("freelancer summaries", () => {
  it("give photo, title, location, score, stars and earnings, and an empty one for a freelancer with nothing yet", async () => {
    const { freelancer } = await ratedFreelancer(5, 80_000n);
    const newcomer = await makeUser(db.prisma, "FREELANCER");
    const summaries = await freelancerSummaries(db.prisma, [freelancer.id, newcomer.id, freelancer.id]);
    expect(summaries[freelancer.id]).toEqual({
      avatarUrl: null,
      title: "Senior React developer",
      location: "Lisbon, Portugal",
      jobSuccessScore: 93,
      rating: { count: 1, total: 5, tenths: 50, display: "5.0", fromText: "from 1 review" },
      totalEarnedMinor: 80_000n,
    });
    expect(summaries[newcomer.id]).toMatchObject({ jobSuccessScore: null, totalEarnedMinor: 0n, rating: { display: null, fromText: "No reviews yet" } });
    expect(await freelancerSummaries(db.prisma, [])).toEqual({});
  });

  it("come with every applicant of a client's job, in the same number of queries for one applicant or many", async () => {
    const client = await makeVerifiedClient(db.prisma);
    const jobId = await openJob(db.prisma, client.id, NOW);
    const propose = (freelancerId: string) => submitProposal(db.prisma, { actorId: freelancerId, now: NOW, idempotencyKey: key(), jobId, coverLetter: COVER_LETTER, bidMinor: 90_000n });
    const { freelancer } = await ratedFreelancer(4, 50_000n);
    await propose(freelancer.id);
    const one = counting(db.prisma);
    const first = await getClientJob(one.db, jobId, client.id, days(NOW, 1));
    expect(first.proposals[0]!.freelancer).toMatchObject({ id: freelancer.id, summary: { title: "Senior React developer", jobSuccessScore: 93, totalEarnedMinor: 50_000n, rating: { display: "4.0" } } });
    for (let i = 0; i < 3; i++) await propose((await ratedFreelancer(3, 10_000n)).freelancer.id);
    const many = counting(db.prisma);
    const all = await getClientJob(many.db, jobId, client.id, days(NOW, 1));
    expect(all.proposals).toHaveLength(4);
    expect(many.counter.queries).toBe(one.counter.queries);
  });

  it("come with the hire page and the direct offer's freelancer", async () => {
    const client = await makeVerifiedClient(db.prisma);
    const jobId = await openJob(db.prisma, client.id, NOW);
    const { freelancer } = await ratedFreelancer(5, 20_000n);
    const { proposalId } = await submitProposal(db.prisma, { actorId: freelancer.id, now: NOW, idempotencyKey: key(), jobId, coverLetter: COVER_LETTER, bidMinor: 90_000n });
    const quote = await getHireQuote(db.prisma, { proposalId, clientId: client.id, now: NOW });
    expect(quote.freelancer).toMatchObject({ id: freelancer.id, summary: { rating: { display: "5.0" }, totalEarnedMinor: 20_000n } });
    expect(await findOfferTarget(db.prisma, { freelancerId: freelancer.id })).toEqual({ id: freelancer.id, name: freelancer.name, summary: quote.freelancer.summary });
  });
});

describe("the freelancer's job page", () => {
  it("names the client (for the link to their profile) with the stars freelancers gave them", async () => {
    const { freelancer, rater } = await ratedFreelancer(5, 10_000n);
    const jobId = await openJob(db.prisma, rater.id, NOW);
    const view = await getJobForFreelancer(db.prisma, jobId, freelancer.id, days(NOW, 1));
    expect(view.client).toMatchObject({ id: rater.id, name: "Rita Rater", rating: { display: "4.0", fromText: "from 1 review" } });
  });
});
