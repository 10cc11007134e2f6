import { addDays } from "@fairlance/rules";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { activeFixedContract, assertLedgerHolds, freshDatabase, key, makeUser, makeVerifiedClient, NOW, RecordingGateway, type TestDatabase } from "../testing";
import { acceptOffer } from "../services/contracts/accept-offer";
import { approveMilestone } from "../services/contracts/approve-milestone";
import { autoApproveMilestones } from "../services/contracts/auto-approve-milestones";
import { declineOffer } from "../services/contracts/decline-offer";
import { expireOffers } from "../services/contracts/expire-offers";
import { fundMilestone } from "../services/contracts/fund-milestone";
import { hireProposal } from "../services/contracts/hire-proposal";
import { makeDirectOffer } from "../services/contracts/make-direct-offer";
import { remindAutoApprovals } from "../services/contracts/remind-auto-approvals";
import { requestChanges } from "../services/contracts/request-changes";
import { submitWork } from "../services/contracts/submit-work";
import { insertOpenJob, submittedProposal } from "../services/contracts/test-helpers";
import { clearPending } from "../services/payouts/clear-pending";
import { notificationsWrittenBy } from "./test-helpers";

// Offers and contracts in the catalogue (economy.md §11): each event once per operation, with its
// figures and link, written in the operation's transaction; a replay or a refusal writes nothing.
let db: TestDatabase;
let client: { id: string; name: string };
let freelancer: { id: string; name: string };
const gateway = new RecordingGateway();
beforeAll(async () => {
  db = await freshDatabase();
  client = await makeVerifiedClient(db.prisma, { name: "Cora Client" });
  freelancer = await makeUser(db.prisma, "FREELANCER", { name: "Finn Freelancer" });
});
afterEach(() => assertLedgerHolds(db.prisma));
afterAll(() => db.drop());

const written = (action: () => Promise<unknown>) => notificationsWrittenBy(db.prisma, action);
const offerTo = (freelancerId: string, milestones: bigint[], idempotencyKey = key(), now = NOW) =>
  makeDirectOffer(db.prisma, {
    actorId: client.id,
    idempotencyKey,
    now,
    freelancerId,
    title: "Logo design",
    terms: { type: "FIXED", milestones: milestones.map((amountMinor, i) => ({ title: `Part ${i + 1}`, amountMinor })) },
  });

describe("offers", () => {
  it("tells the freelancer of a direct offer with its total and its answer-by day; a replay tells no one", async () => {
    const idempotencyKey = key();
    let contractId = "";
    const notes = await written(async () => (contractId = (await offerTo(freelancer.id, [30_000n, 70_000n], idempotencyKey)).contractId));
    expect(notes).toEqual([
      {
        userId: freelancer.id,
        kind: "offer_received",
        eventKey: `offer_received:${contractId}`,
        link: `/contracts/${contractId}`,
        title: "Offer from Cora Client",
        body: "Cora Client offered you “Logo design” at $1,000.00. Answer by Dec 3, 2026.",
        data: { jobTitle: "Logo design", clientName: "Cora Client", amountMinor: 100_000n, hourly: false, expiresAt: addDays(NOW, 7) },
      },
    ]);
    expect(await written(() => offerTo(freelancer.id, [30_000n, 70_000n], idempotencyKey))).toEqual([]);
    const someone = (await makeUser(db.prisma, "CLIENT")).id;
    expect(await written(() => expect(makeDirectOffer(db.prisma, { actorId: someone, idempotencyKey: key(), now: NOW, freelancerId: someone, title: "X", terms: { type: "FIXED", milestones: [{ title: "M", amountMinor: 10_000n }] } })).rejects.toMatchObject({ code: "NOT_FOUND" }))).toEqual([]);
  });

  it("tells the freelancer of an offer from their proposal; an hourly one names the rate", async () => {
    const jobId = await insertOpenJob(db.prisma, client.id, "HOURLY");
    const proposalId = await submittedProposal(db.prisma, jobId, freelancer.id, 4_500n);
    const notes = await written(() => hireProposal(db.prisma, { actorId: client.id, idempotencyKey: key(), now: NOW, proposalId, terms: { type: "HOURLY", weeklyLimitHours: 20 } }));
    expect(notes).toMatchObject([{ userId: freelancer.id, kind: "offer_received", data: { jobTitle: "A hourly job", amountMinor: 4_500n, hourly: true } }]);
    expect(notes[0]!.body).toBe("Cora Client offered you “A hourly job” at $45.00/hr. Answer by Dec 3, 2026.");
  });

  it("tells the client when the freelancer accepts or declines, once", async () => {
    const accepted = await offerTo(freelancer.id, [10_000n]);
    const accept = { actorId: freelancer.id, idempotencyKey: key(), now: NOW, contractId: accepted.contractId };
    expect(await written(() => expect(acceptOffer(db.prisma, { ...accept, actorId: client.id })).rejects.toMatchObject({ code: "FORBIDDEN" }))).toEqual([]);
    expect(await written(() => acceptOffer(db.prisma, accept))).toMatchObject([
      { userId: client.id, kind: "offer_accepted", eventKey: `offer_accepted:${accepted.contractId}`, link: `/contracts/${accepted.contractId}`, title: "Finn Freelancer accepted your offer", data: { jobTitle: "Logo design", freelancerName: "Finn Freelancer" } },
    ]);
    expect(await written(() => acceptOffer(db.prisma, accept))).toEqual([]);

    const declined = await offerTo(freelancer.id, [10_000n]);
    const decline = { actorId: freelancer.id, idempotencyKey: key(), now: NOW, contractId: declined.contractId };
    expect(await written(() => declineOffer(db.prisma, decline, { gateway }))).toMatchObject([
      { userId: client.id, kind: "offer_declined", eventKey: `offer_declined:${declined.contractId}`, data: { jobTitle: "Logo design", freelancerName: "Finn Freelancer" } },
    ]);
    expect(await written(() => declineOffer(db.prisma, decline, { gateway }))).toEqual([]);
    expect(await written(() => expect(declineOffer(db.prisma, { ...decline, idempotencyKey: key() }, { gateway })).rejects.toMatchObject({ code: "CONTRACT_TRANSITION_NOT_ALLOWED" }))).toEqual([]);
  });

  it("tells both sides of an expired offer, each naming the other; the runner's second pass tells no one", async () => {
    const offer = await offerTo(freelancer.id, [10_000n]);
    const later = addDays(NOW, 8);
    const notes = await written(() => expireOffers(db.prisma, { now: later }, { gateway }));
    const expired = notes.filter((n) => n.eventKey === `offer_expired:${offer.contractId}`);
    expect(expired).toHaveLength(2);
    expect(expired).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: client.id, kind: "offer_expired", data: { jobTitle: "Logo design", otherName: "Finn Freelancer", expiredAt: addDays(NOW, 7) } }),
        expect.objectContaining({ userId: freelancer.id, kind: "offer_expired", data: { jobTitle: "Logo design", otherName: "Cora Client", expiredAt: addDays(NOW, 7) } }),
      ]),
    );
    expect(expired.find((n) => n.userId === client.id)!.body).toBe("The offer for “Logo design” with Finn Freelancer expired on Dec 3, 2026 without an answer.");
    expect(await written(() => expireOffers(db.prisma, { now: later }, { gateway }))).toEqual([]);
  });
});

describe("milestones", () => {
  // A new freelancer each time, so each contract's service fee starts from no billings with the client.
  async function contract(amounts: bigint[] = [100_000n]) {
    const freelancer = await makeUser(db.prisma, "FREELANCER", { name: "Finn Freelancer" });
    const offer = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, milestones: amounts });
    return { freelancer, contractId: offer.contractId, milestoneId: offer.milestoneIds[0]! };
  }

  it("funded, submitted, changes requested, submitted again, approved: each told once to the other side, with the figures", async () => {
    const { freelancer, contractId, milestoneId } = await contract();
    const link = `/contracts/${contractId}`;
    const fund = { actorId: client.id, idempotencyKey: key(), now: NOW, milestoneId };
    expect(await written(() => fundMilestone(db.prisma, fund, { gateway }))).toEqual([
      {
        userId: freelancer.id,
        kind: "milestone_funded",
        eventKey: `milestone_funded:${milestoneId}`,
        link,
        title: "Milestone funded: $1,000.00",
        body: "Cora Client put $1,000.00 in escrow for “Part 1” on “Fixed work”. You can start work on it.",
        data: { jobTitle: "Fixed work", milestoneTitle: "Part 1", clientName: "Cora Client", amountMinor: 100_000n },
      },
    ]);
    expect(await written(() => fundMilestone(db.prisma, fund, { gateway }))).toEqual([]);
    expect(await written(() => expect(fundMilestone(db.prisma, { ...fund, idempotencyKey: key() }, { gateway })).rejects.toMatchObject({ code: "MILESTONE_TRANSITION_NOT_ALLOWED" }))).toEqual([]);

    const submit = { actorId: freelancer.id, idempotencyKey: key(), now: NOW, milestoneId };
    expect(await written(() => submitWork(db.prisma, submit))).toEqual([
      {
        userId: client.id,
        kind: "work_submitted",
        eventKey: `work_submitted:${milestoneId}:${NOW.toISOString()}`,
        link,
        title: "Work submitted: “Part 1”",
        body: "Finn Freelancer submitted “Part 1” ($1,000.00) on “Fixed work”. Review it by Dec 10, 2026, or it is approved automatically.",
        data: { jobTitle: "Fixed work", milestoneTitle: "Part 1", freelancerName: "Finn Freelancer", amountMinor: 100_000n, reviewDeadline: addDays(NOW, 14) },
      },
    ]);
    expect(await written(() => submitWork(db.prisma, submit))).toEqual([]);

    const changes = { actorId: client.id, idempotencyKey: key(), now: addDays(NOW, 1), milestoneId, message: "Please use the brand colours." };
    expect(await written(() => expect(requestChanges(db.prisma, { ...changes, actorId: freelancer.id })).rejects.toMatchObject({ code: "FORBIDDEN" }))).toEqual([]);
    expect(await written(() => requestChanges(db.prisma, changes))).toMatchObject([
      { userId: freelancer.id, kind: "changes_requested", eventKey: `changes_requested:${milestoneId}:1`, link, data: { jobTitle: "Fixed work", milestoneTitle: "Part 1", clientName: "Cora Client" } },
    ]);
    expect(await written(() => requestChanges(db.prisma, changes))).toEqual([]);

    // A second submission is a second event.
    const again = addDays(NOW, 2);
    expect(await written(() => submitWork(db.prisma, { ...submit, idempotencyKey: key(), now: again }))).toMatchObject([
      { userId: client.id, kind: "work_submitted", eventKey: `work_submitted:${milestoneId}:${again.toISOString()}`, data: { reviewDeadline: addDays(again, 14) } },
    ]);

    const approve = { actorId: client.id, idempotencyKey: key(), now: addDays(NOW, 3), milestoneId };
    expect(await written(() => approveMilestone(db.prisma, approve))).toEqual([
      {
        userId: freelancer.id,
        kind: "milestone_approved",
        eventKey: `milestone_approved:${milestoneId}`,
        link,
        title: "Approved: $850.00 for “Part 1”",
        body: "“Part 1” on “Fixed work” was approved: $1,000.00 minus the $150.00 service fee = $850.00 to you, pending. It becomes available to withdraw on Dec 4, 2026.",
        data: { jobTitle: "Fixed work", milestoneTitle: "Part 1", amountMinor: 100_000n, feeMinor: 15_000n, netMinor: 85_000n, availableAt: addDays(NOW, 8) },
      },
    ]);
    expect(await written(() => approveMilestone(db.prisma, approve))).toEqual([]);
    expect(await written(() => expect(approveMilestone(db.prisma, { ...approve, idempotencyKey: key() })).rejects.toMatchObject({ code: "MILESTONE_TRANSITION_NOT_ALLOWED" }))).toEqual([]);

    // Pending → Available (clear_pending): the net, once.
    const payment = await db.prisma.payment.findFirstOrThrow({ where: { milestoneId } });
    const cleared = addDays(NOW, 8);
    const notes = await written(() => clearPending(db.prisma, { now: cleared }));
    expect(notes.filter((n) => n.eventKey === `payment_available:${payment.id}`)).toEqual([
      {
        userId: freelancer.id,
        kind: "payment_available",
        eventKey: `payment_available:${payment.id}`,
        link: "/earnings",
        title: "$850.00 is available",
        body: "$850.00 from “Fixed work” cleared its security period and can be withdrawn.",
        data: { amountMinor: 85_000n, jobTitle: "Fixed work" },
      },
    ]);
    expect(await written(() => clearPending(db.prisma, { now: cleared }))).toEqual([]);
  });

  it("reminds the client two days before automatic approval, once per submission, then tells the freelancer of the approval", async () => {
    const { freelancer, contractId, milestoneId } = await contract([20_000n]);
    await fundMilestone(db.prisma, { actorId: client.id, idempotencyKey: key(), now: NOW, milestoneId }, { gateway });
    await submitWork(db.prisma, { actorId: freelancer.id, idempotencyKey: key(), now: NOW, milestoneId });
    const deadline = addDays(NOW, 14);
    const mine = <N extends { eventKey: string }>(notes: N[]) => notes.filter((n) => n.eventKey.includes(milestoneId));
    // Three days before: not yet.
    expect(mine(await written(() => remindAutoApprovals(db.prisma, { now: addDays(NOW, 11) })))).toEqual([]);
    const twoDaysBefore = addDays(NOW, 12);
    expect(mine(await written(() => remindAutoApprovals(db.prisma, { now: twoDaysBefore })))).toEqual([
      {
        userId: client.id,
        kind: "auto_approval_soon",
        eventKey: `auto_approval_soon:${milestoneId}:${NOW.toISOString()}`,
        link: `/contracts/${contractId}`,
        title: "“Part 1” is approved automatically on Dec 10, 2026",
        body: "Review “Part 1” on “Fixed work” before Dec 10, 2026: then its $200.00 is released to the freelancer automatically.",
        data: { jobTitle: "Fixed work", milestoneTitle: "Part 1", amountMinor: 20_000n, autoApproveAt: deadline },
      },
    ]);
    // The same tick again, and a later one: no second reminder.
    expect(mine(await written(() => remindAutoApprovals(db.prisma, { now: twoDaysBefore })))).toEqual([]);
    expect(mine(await written(() => remindAutoApprovals(db.prisma, { now: addDays(NOW, 13) })))).toEqual([]);

    const approved = await written(() => autoApproveMilestones(db.prisma, { now: deadline }));
    expect(mine(approved)).toMatchObject([
      { userId: freelancer.id, kind: "milestone_auto_approved", eventKey: `milestone_auto_approved:${milestoneId}`, data: { amountMinor: 20_000n, feeMinor: 4_000n, netMinor: 16_000n, availableAt: addDays(deadline, 5) } },
    ]);
    expect(mine(approved)[0]!.title).toBe("Approved automatically: $160.00 for “Part 1”");
    expect(mine(await written(() => autoApproveMilestones(db.prisma, { now: deadline })))).toEqual([]);
    // Approved: nothing left to remind of.
    expect(mine(await written(() => remindAutoApprovals(db.prisma, { now: deadline })))).toEqual([]);
  });

  it("reminds again after a resubmission, and not while the work is sent back", async () => {
    const { freelancer, milestoneId } = await contract([20_000n]);
    await fundMilestone(db.prisma, { actorId: client.id, idempotencyKey: key(), now: NOW, milestoneId }, { gateway });
    await submitWork(db.prisma, { actorId: freelancer.id, idempotencyKey: key(), now: NOW, milestoneId });
    const mine = (notes: { eventKey: string; kind: string }[]) => notes.filter((n) => n.kind === "auto_approval_soon" && n.eventKey.includes(milestoneId));
    expect(mine(await written(() => remindAutoApprovals(db.prisma, { now: addDays(NOW, 12) })))).toHaveLength(1);
    await requestChanges(db.prisma, { actorId: client.id, idempotencyKey: key(), now: addDays(NOW, 13), milestoneId, message: "One more change." });
    expect(mine(await written(() => remindAutoApprovals(db.prisma, { now: addDays(NOW, 13) })))).toEqual([]);
    const resubmitted = addDays(NOW, 14);
    await submitWork(db.prisma, { actorId: freelancer.id, idempotencyKey: key(), now: resubmitted, milestoneId });
    expect(mine(await written(() => remindAutoApprovals(db.prisma, { now: addDays(resubmitted, 12) })))).toMatchObject([
      { eventKey: `auto_approval_soon:${milestoneId}:${resubmitted.toISOString()}`, data: { autoApproveAt: addDays(resubmitted, 14) } },
    ]);
  });
});
