import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../client";
import {
  activeFixedContract,
  COVER_LETTER,
  days,
  earn,
  freelancerWithConnects,
  freshDatabase,
  key,
  makeUser,
  makeVerifiedClient,
  NOW,
  openJob,
  RecordingGateway,
  type TestDatabase,
} from "../testing";
import { acceptOffer } from "../services/contracts/accept-offer";
import { approveMilestone } from "../services/contracts/approve-milestone";
import { fundMilestone } from "../services/contracts/fund-milestone";
import { invoiceHourlyWeeks } from "../services/contracts/invoice-hourly-weeks";
import { logTime } from "../services/contracts/log-time";
import { makeDirectOffer } from "../services/contracts/make-direct-offer";
import { requestChanges } from "../services/contracts/request-changes";
import { requestRefund } from "../services/contracts/request-refund";
import { submitWork } from "../services/contracts/submit-work";
import { connectsBalance } from "../services/connects/balance";
import { disputeMilestone } from "../services/disputes/open-dispute";
import { postJob } from "../services/jobs/post-job";
import { submitProposal } from "../services/jobs/submit-proposal";
import { addPayoutMethod } from "../services/payouts/add-payout-method";
import { setAutoWithdrawal } from "../services/payouts/set-auto-withdrawal";
import { leaveFeedback } from "../services/feedback/leave-feedback";
import { clientStars, endedPaidContract } from "../services/feedback/test-helpers";
import { getBillingStatement } from "./billing-statement";
import { getClientDashboard } from "./dashboard-client";
import { getFreelancerDashboard } from "./dashboard-freelancer";
import { loadEarningsBalances } from "./earnings";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase({ max: 12 });
});
afterAll(() => db.drop());

const gateway = new RecordingGateway();
// NOW is Thursday 26 Nov 2026: this week is invoiced on Monday 30 Nov and disputable until Saturday 5 Dec 00:00.
const MONDAY = new Date("2026-11-30T00:00:00Z");
const SATURDAY = new Date("2026-12-05T00:00:00Z");

const fund = (clientId: string, milestoneId: string) => fundMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId }, { gateway });
const submit = (freelancerId: string, milestoneId: string) => submitWork(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, milestoneId });
const reviewDeadline = async (milestoneId: string) => (await db.prisma.milestone.findUniqueOrThrow({ where: { id: milestoneId } })).reviewDeadline;

async function hourlyContract(clientId: string, freelancerId: string) {
  const offer = await makeDirectOffer(db.prisma, {
    actorId: clientId,
    idempotencyKey: key(),
    now: NOW,
    freelancerId,
    title: "Support",
    terms: { type: "HOURLY", weeklyLimitHours: 10, hourlyRateMinor: 5_000n },
  });
  await acceptOffer(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, contractId: offer.contractId });
  await logTime(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, contractId: offer.contractId, workedOn: NOW, minutes: 90, memo: "Tickets" });
  return offer.contractId;
}

/** The same client, counting every query it is asked (a read that does one query per row would count more with more rows). */
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

describe("the freelancer's dashboard", () => {
  it("shows money by state, connects, each active contract's next step and date, offers to answer and proposals waiting", async () => {
    const client = await makeVerifiedClient(db.prisma);
    const freelancer = await freelancerWithConnects(db.prisma, 50, NOW);
    const working = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, milestones: [50_000n, 20_000n] });
    await fund(client.id, working.milestoneIds[0]!);
    const reviewed = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, milestones: [30_000n] });
    await fund(client.id, reviewed.milestoneIds[0]!);
    await submit(freelancer.id, reviewed.milestoneIds[0]!);
    const unfunded = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, milestones: [10_000n] });
    const hourly = await hourlyContract(client.id, freelancer.id);
    const offer = await makeDirectOffer(db.prisma, {
      actorId: client.id,
      idempotencyKey: key(),
      now: NOW,
      freelancerId: freelancer.id,
      title: "Logo",
      terms: { type: "FIXED", milestones: [{ title: "Logo", amountMinor: 40_000n }] },
    });
    const jobId = await openJob(db.prisma, client.id, NOW);
    await submitProposal(db.prisma, { jobId, actorId: freelancer.id, now: NOW, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 95_000n });
    const payment = await earn(db.prisma, { clientId: client.id, freelancerId: freelancer.id, grossMinor: 10_000n, now: NOW });
    const paypal = await addPayoutMethod(db.prisma, { actorId: freelancer.id, idempotencyKey: key(), now: NOW, kind: "PAYPAL", account: "me@example.com", label: "PayPal" });
    await setAutoWithdrawal(db.prisma, { actorId: freelancer.id, now: NOW, schedule: "WEEKLY", thresholdMinor: 10_000n, payoutMethodId: paypal.id });

    const dashboard = await getFreelancerDashboard(db.prisma, freelancer.id, NOW);

    // Money: the earnings page's own read, not a second computation.
    expect(dashboard.money).toEqual(await loadEarningsBalances(db.prisma, freelancer.id));
    expect(dashboard.money.balances).toMatchObject({ inEscrowMinor: 80_000n, pendingMinor: payment.netMinor, availableMinor: 0n });
    expect(dashboard.connects.balance).toBe(await connectsBalance(db.prisma, freelancer.id, NOW));
    expect(dashboard.connects.balance).toBe(44); // 50 granted, 6 spent on the proposal
    expect(dashboard.nextWithdrawal).toMatchObject({ methodLabel: paypal.label, payout: false, reason: "nothing_available" });
    expect(dashboard.nextWithdrawal!.runAt.getTime()).toBeGreaterThan(NOW.getTime());

    // Each active contract with its next step; what needs the freelancer comes first.
    const byId = new Map(dashboard.contracts.map((c) => [c.id, c]));
    expect(dashboard.contracts[0]!.id).toBe(working.contractId);
    expect(byId.get(working.contractId)!.step).toEqual({ kind: "work", milestone: "Part 1", amountMinor: 50_000n });
    expect(byId.get(reviewed.contractId)!.step).toEqual({ kind: "in_review", milestone: "Part 1", amountMinor: 30_000n, autoApprovesAt: await reviewDeadline(reviewed.milestoneIds[0]!) });
    expect(byId.get(unfunded.contractId)!.step).toEqual({ kind: "awaiting_funding", milestone: "Part 1", amountMinor: 10_000n });
    expect(byId.get(hourly)!.step).toEqual({ kind: "hourly", minutesThisWeek: 90, limitMinutes: 600, inReview: null, disputeId: null });
    expect(byId.get(payment.contractId)).toMatchObject({ step: { kind: "no_milestone" }, clearing: { netMinor: payment.netMinor, availableAt: payment.availableAt } });
    expect(dashboard.contracts).toHaveLength(5);

    expect(dashboard.offers).toEqual([
      { contractId: offer.contractId, title: "Logo", type: "FIXED", clientName: client.name, offerExpiresAt: days(NOW, 7), hourlyRateMinor: null, totalMinor: 40_000n },
    ]);
    expect(dashboard.proposals).toMatchObject([{ jobId, jobType: "FIXED", status: "SUBMITTED", bidMinor: 95_000n }]);
    expect(dashboard.proposalsAwaiting).toBe(1);

    // Another freelancer sees none of it; an offer past its expiry is no longer one to answer.
    const other = await getFreelancerDashboard(db.prisma, (await makeUser(db.prisma, "FREELANCER")).id, NOW);
    expect(other).toMatchObject({ contracts: [], offers: [], proposals: [], proposalsAwaiting: 0, nextWithdrawal: null, connects: { balance: 0, expiringSoon: [] } });
    expect((await getFreelancerDashboard(db.prisma, freelancer.id, days(NOW, 8))).offers).toEqual([]);
  });

  it("reads the same number of queries for one contract or many (no query per row)", async () => {
    const client = await makeVerifiedClient(db.prisma);
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, milestones: [10_000n] });
    const one = counting(db.prisma);
    await getFreelancerDashboard(one.db, freelancer.id, NOW);
    for (let i = 0; i < 4; i++) await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, milestones: [10_000n] });
    await hourlyContract(client.id, freelancer.id);
    const many = counting(db.prisma);
    await getFreelancerDashboard(many.db, freelancer.id, NOW);
    expect(one.counter.queries).toBeGreaterThan(5);
    expect(many.counter.queries).toBe(one.counter.queries);
  });
});

describe("the client's dashboard", () => {
  it("shows open jobs with their proposals, offers out, escrow per contract and what waits for the client, with dates", async () => {
    const client = await makeVerifiedClient(db.prisma);
    const [ana, bo, cy] = [await freelancerWithConnects(db.prisma, 50, NOW), await freelancerWithConnects(db.prisma, 50, NOW), await makeUser(db.prisma, "FREELANCER")];
    const jobId = await openJob(db.prisma, client.id, NOW);
    for (const f of [ana, bo]) await submitProposal(db.prisma, { jobId, actorId: f.id, now: NOW, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n });
    const draft = await postJob(db.prisma, {
      actorId: client.id,
      now: NOW,
      idempotencyKey: key(),
      title: "A draft",
      description: "Not published yet, still being written.",
      type: "HOURLY",
      hourlyMinMinor: 2_000n,
      hourlyMaxMinor: 5_000n,
      estimatedHours: 10,
      durationDays: 30,
      experienceLevel: "ENTRY",
      skills: ["css"],
      publish: false,
    });
    // An offer, its milestone funded before it is accepted.
    const offer = await makeDirectOffer(db.prisma, {
      actorId: client.id,
      idempotencyKey: key(),
      now: NOW,
      freelancerId: cy.id,
      title: "Logo",
      terms: { type: "FIXED", milestones: [{ title: "Logo", amountMinor: 40_000n }] },
    });
    await fund(client.id, offer.milestoneIds[0]!);
    const review = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: ana.id, milestones: [30_000n, 5_000n] });
    await fund(client.id, review.milestoneIds[0]!);
    await submit(ana.id, review.milestoneIds[0]!);
    const toFund = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: bo.id, milestones: [10_000n] });
    const refund = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: bo.id, milestones: [20_000n] });
    await fund(client.id, refund.milestoneIds[0]!);
    await requestRefund(db.prisma, { actorId: client.id, idempotencyKey: key(), now: NOW, milestoneId: refund.milestoneIds[0]!, reason: "Plans changed" });
    const changes = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: ana.id, milestones: [15_000n] });
    await fund(client.id, changes.milestoneIds[0]!);
    await submit(ana.id, changes.milestoneIds[0]!);
    await requestChanges(db.prisma, { actorId: client.id, idempotencyKey: key(), now: NOW, milestoneId: changes.milestoneIds[0]!, message: "The header is missing." });
    const disputed = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: cy.id, milestones: [25_000n] });
    await fund(client.id, disputed.milestoneIds[0]!);
    await submit(cy.id, disputed.milestoneIds[0]!);
    const dispute = await disputeMilestone(db.prisma, {
      actorId: client.id,
      idempotencyKey: key(),
      now: NOW,
      milestoneId: disputed.milestoneIds[0]!,
      reason: "Not what we agreed",
      statement: "The delivered work does not match the brief.",
      links: [],
    });
    const paid = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: ana.id, milestones: [5_000n] });
    await fund(client.id, paid.milestoneIds[0]!);
    await submit(ana.id, paid.milestoneIds[0]!);
    await approveMilestone(db.prisma, { actorId: client.id, idempotencyKey: key(), now: NOW, milestoneId: paid.milestoneIds[0]! });

    const dashboard = await getClientDashboard(db.prisma, client.id, NOW);

    expect(dashboard.jobs).toEqual([
      expect.objectContaining({ id: jobId, status: "OPEN", type: "FIXED", liveProposals: 2, unviewedProposals: 2 }),
      expect.objectContaining({ id: draft.jobId, status: "DRAFT", type: "HOURLY", liveProposals: 0, unviewedProposals: 0 }),
    ]);
    expect(dashboard.jobsTotal).toBe(2);
    expect(dashboard.offers).toEqual([
      { contractId: offer.contractId, title: "Logo", type: "FIXED", freelancerName: cy.name, offeredAt: NOW, offerExpiresAt: days(NOW, 7), hourlyRateMinor: null, totalMinor: 40_000n, fundedMinor: 40_000n },
    ]);

    // Escrow per contract adds up to what the ledger holds in escrow for this client.
    const escrow = new Map(dashboard.escrow.contracts.map((row) => [row.contractId, row]));
    expect(escrow.get(offer.contractId)).toMatchObject({ amountMinor: 40_000n, inDisputeMinor: 0n });
    expect(escrow.get(disputed.contractId)).toMatchObject({ amountMinor: 25_000n, inDisputeMinor: 25_000n });
    expect(escrow.has(toFund.contractId)).toBe(false);
    expect(dashboard.escrow.totalMinor).toBe(130_000n);
    expect(dashboard.escrow.totalMinor).toBe((await getBillingStatement(db.prisma, client.id)).ledgerEscrowMinor);

    // What waits for the client: the dispute first, then by date.
    expect(dashboard.tasks).toEqual([
      {
        kind: "dispute",
        disputeId: dispute.disputeId,
        contractId: disputed.contractId,
        contractTitle: "Fixed work",
        what: "Part 1",
        amountMinor: 25_000n,
        openedAt: NOW,
        splitProposedByOther: false,
      },
      {
        kind: "review_work",
        contractId: review.contractId,
        contractTitle: "Fixed work",
        freelancerName: ana.name,
        milestone: "Part 1",
        amountMinor: 30_000n,
        autoApprovesAt: await reviewDeadline(review.milestoneIds[0]!),
      },
      { kind: "fund_milestone", contractId: toFund.contractId, contractTitle: "Fixed work", freelancerName: bo.name, milestone: "Part 1", amountMinor: 10_000n },
      { kind: "add_milestone", contractId: paid.contractId, contractTitle: "Fixed work", freelancerName: ana.name },
    ]);
    expect(dashboard.waiting).toEqual(
      expect.arrayContaining([
        { kind: "refund_request", contractId: refund.contractId, contractTitle: "Fixed work", freelancerName: bo.name, milestone: "Part 1", amountMinor: 20_000n, comesBackAt: days(NOW, 7) },
        { kind: "changes_requested", contractId: changes.contractId, contractTitle: "Fixed work", freelancerName: ana.name, milestone: "Part 1", amountMinor: 15_000n },
      ]),
    );
    expect(dashboard.waiting).toHaveLength(2);
    expect(dashboard.activeContracts).toBe(6);

    // Another client sees none of it.
    expect(await getClientDashboard(db.prisma, (await makeUser(db.prisma, "CLIENT")).id, NOW)).toMatchObject({
      jobs: [],
      offers: [],
      escrow: { totalMinor: 0n, contracts: [] },
      tasks: [],
      waiting: [],
    });
  });

  it("lists an hourly invoice to review until the end of Friday; the freelancer sees it in review with its release day", async () => {
    const client = await makeVerifiedClient(db.prisma);
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    const contractId = await hourlyContract(client.id, freelancer.id);
    await invoiceHourlyWeeks(db.prisma, { now: MONDAY }, { gateway });
    const tuesday = days(MONDAY, 1);

    const forClient = await getClientDashboard(db.prisma, client.id, tuesday);
    expect(forClient.tasks).toEqual([
      { kind: "review_invoice", contractId, contractTitle: "Support", freelancerName: freelancer.name, weekStart: new Date("2026-11-23T00:00:00Z"), amountMinor: 7_500n, disputeBy: SATURDAY },
    ]);
    expect(forClient.escrow).toEqual({ totalMinor: 7_500n, contracts: [{ contractId, title: "Support", freelancerName: freelancer.name, amountMinor: 7_500n, inDisputeMinor: 0n }] });
    expect((await getClientDashboard(db.prisma, client.id, SATURDAY)).tasks).toEqual([]);

    const forFreelancer = await getFreelancerDashboard(db.prisma, freelancer.id, tuesday);
    expect(forFreelancer.contracts[0]!.step).toEqual({ kind: "hourly", minutesThisWeek: 0, limitMinutes: 600, inReview: { amountMinor: 7_500n, releasesAt: SATURDAY }, disputeId: null });
    expect(forFreelancer.money.balances.inReviewMinor).toBe(7_500n);
  });

  it("reads the same number of queries for one contract or many (no query per row)", async () => {
    const client = await makeVerifiedClient(db.prisma);
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, milestones: [10_000n] });
    await openJob(db.prisma, client.id, NOW);
    const one = counting(db.prisma);
    await getClientDashboard(one.db, client.id, NOW);
    for (let i = 0; i < 4; i++) {
      const more = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, milestones: [10_000n] });
      await fund(client.id, more.milestoneIds[0]!);
      await openJob(db.prisma, client.id, NOW);
    }
    const many = counting(db.prisma);
    await getClientDashboard(many.db, client.id, NOW);
    expect(one.counter.queries).toBeGreaterThan(5);
    expect(many.counter.queries).toBe(one.counter.queries);
  });
});

describe("feedback to leave on both dashboards (economy.md §10.2)", () => {
  it("lists an ended contract that paid for each side until that side has left theirs or the window closes", async () => {
    const client = await makeVerifiedClient(db.prisma, { name: "Dana Client" });
    const freelancer = await makeUser(db.prisma, "FREELANCER", { name: "Eli Freelancer" });
    const contractId = await endedPaidContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, endedAt: NOW });
    const later = days(NOW, 1);
    const row = (about: { id: string; name: string }) => ({ contractId, title: expect.any(String), about, endedAt: NOW, closesAt: days(NOW, 14), sentence: expect.stringMatching(/^Leave feedback by /) });
    expect((await getClientDashboard(db.prisma, client.id, later)).feedbackToLeave).toEqual([row({ id: freelancer.id, name: "Eli Freelancer" })]);
    expect((await getFreelancerDashboard(db.prisma, freelancer.id, later)).feedbackToLeave).toEqual([row({ id: client.id, name: "Dana Client" })]);

    await leaveFeedback(db.prisma, { actorId: client.id, now: later, idempotencyKey: key(), contractId, comment: "Careful and quick work.", ...clientStars(5) });
    expect((await getClientDashboard(db.prisma, client.id, later)).feedbackToLeave).toEqual([]);
    expect((await getFreelancerDashboard(db.prisma, freelancer.id, later)).feedbackToLeave).toHaveLength(1);
    expect((await getFreelancerDashboard(db.prisma, freelancer.id, days(NOW, 14))).feedbackToLeave).toEqual([]);
  });
});
