import { addDays } from "@fairlance/rules";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { activeFixedContract, assertLedgerHolds, freshDatabase, key, makeUser, makeVerifiedClient, NOW, RecordingGateway, type TestDatabase } from "../testing";
import { fundMilestone } from "../services/contracts/fund-milestone";
import { submitWork } from "../services/contracts/submit-work";
import { decideDispute } from "../services/disputes/decide-dispute";
import { disputeMilestone } from "../services/disputes/open-dispute";
import { acceptSplit, proposeSplit } from "../services/disputes/settle-dispute";
import { revealClosedFeedback } from "../services/feedback/job-success";
import { leaveFeedback } from "../services/feedback/leave-feedback";
import { clientStars, endedPaidContract, freelancerStars } from "../services/feedback/test-helpers";
import { notificationsWrittenBy } from "./test-helpers";

// Disputes and feedback in the catalogue (economy.md §11).
let db: TestDatabase;
let admin: string;
const gateway = new RecordingGateway();
beforeAll(async () => {
  db = await freshDatabase({ max: 12 });
  admin = (await makeUser(db.prisma, "ADMIN")).id;
});
afterEach(() => assertLedgerHolds(db.prisma));
afterAll(() => db.drop());

const written = (action: () => Promise<unknown>) => notificationsWrittenBy(db.prisma, action);

/** A $1,000 milestone funded and submitted between a new client and a new freelancer. */
async function submittedMilestone() {
  const client = await makeVerifiedClient(db.prisma, { name: "Cora Client" });
  const freelancer = await makeUser(db.prisma, "FREELANCER", { name: "Finn Freelancer" });
  const offer = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, milestones: [100_000n] });
  const milestoneId = offer.milestoneIds[0]!;
  await fundMilestone(db.prisma, { actorId: client.id, idempotencyKey: key(), now: NOW, milestoneId }, { gateway });
  await submitWork(db.prisma, { actorId: freelancer.id, idempotencyKey: key(), now: NOW, milestoneId });
  return { client, freelancer, contractId: offer.contractId, milestoneId };
}

const opening = { reason: "Work not delivered.", statement: "Nothing was delivered by the agreed date.", links: [] };

describe("disputes", () => {
  it("tells the other side a dispute was opened (who, how much, why), then both sides how the admin divided the escrow", async () => {
    const { client, freelancer, milestoneId } = await submittedMilestone();
    const open = { actorId: client.id, idempotencyKey: key(), now: NOW, milestoneId, ...opening };
    let disputeId = "";
    const opened = await written(async () => (disputeId = (await disputeMilestone(db.prisma, open)).disputeId));
    expect(opened).toEqual([
      {
        userId: freelancer.id,
        kind: "dispute_opened",
        eventKey: `dispute_opened:${disputeId}`,
        link: `/disputes/${disputeId}`,
        title: "Dispute opened on “Fixed work”",
        body: "Cora Client opened a dispute over $1,000.00: Work not delivered. The escrow stays frozen until it is settled or decided.",
        data: { jobTitle: "Fixed work", openedByName: "Cora Client", amountMinor: 100_000n, reason: "Work not delivered" },
      },
    ]);
    expect(await written(() => disputeMilestone(db.prisma, open))).toEqual([]);
    expect(await written(() => expect(disputeMilestone(db.prisma, { ...open, idempotencyKey: key() })).rejects.toMatchObject({ code: "MILESTONE_TRANSITION_NOT_ALLOWED" }))).toEqual([]);

    const decide = { actorId: admin, idempotencyKey: key(), now: addDays(NOW, 1), disputeId, outcome: "split" as const, releaseMinor: 40_000n, reason: "Part of the work was delivered." };
    expect(await written(() => expect(decideDispute(db.prisma, { ...decide, releaseMinor: 100_000n }, { gateway })).rejects.toMatchObject({ code: "INVALID_REQUEST" }))).toEqual([]);
    const decided = await written(() => decideDispute(db.prisma, decide, { gateway }));
    const data = { jobTitle: "Fixed work", outcome: "split", releasedMinor: 40_000n, refundedMinor: 60_000n, reason: "Part of the work was delivered" };
    expect(decided).toHaveLength(2);
    expect(decided).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: client.id, kind: "dispute_decided", eventKey: `dispute_decided:${disputeId}`, link: `/disputes/${disputeId}`, data }),
        expect.objectContaining({ userId: freelancer.id, kind: "dispute_decided", eventKey: `dispute_decided:${disputeId}`, data }),
      ]),
    );
    expect(decided[0]!.body).toBe("$400.00 released to the freelancer, $600.00 refunded to the client. Reason: Part of the work was delivered.");
    expect(await written(() => decideDispute(db.prisma, decide, { gateway }))).toEqual([]);
  });

  it("tells both sides when they settle it themselves", async () => {
    const { client, freelancer, milestoneId } = await submittedMilestone();
    const { disputeId } = await disputeMilestone(db.prisma, { actorId: freelancer.id, idempotencyKey: key(), now: NOW, milestoneId, ...opening, reason: "The client does not answer" });
    await proposeSplit(db.prisma, { actorId: freelancer.id, idempotencyKey: key(), now: NOW, disputeId, releaseMinor: 80_000n });
    const accept = { actorId: client.id, idempotencyKey: key(), now: NOW, disputeId, releaseMinor: 80_000n };
    expect(await written(() => expect(acceptSplit(db.prisma, { ...accept, actorId: freelancer.id }, { gateway })).rejects.toMatchObject({ code: "CONFLICT" }))).toEqual([]);
    const settled = await written(() => acceptSplit(db.prisma, accept, { gateway }));
    const told = settled.map((n) => [n.userId, n.kind, n.data.releasedMinor, n.data.refundedMinor]);
    expect(told).toHaveLength(2);
    expect(told).toEqual(
      expect.arrayContaining([
        [client.id, "dispute_decided", 80_000n, 20_000n],
        [freelancer.id, "dispute_decided", 80_000n, 20_000n],
      ]),
    );
    expect(await written(() => acceptSplit(db.prisma, accept, { gateway }))).toEqual([]);
  });
});

describe("feedback received, when revealed", () => {
  const endedAt = new Date("2026-12-01T09:00:00Z");

  it("tells each side of the other's feedback when the second one reveals both, not before", async () => {
    const client = await makeUser(db.prisma, "CLIENT", { name: "Cora Client" });
    const freelancer = await makeUser(db.prisma, "FREELANCER", { name: "Finn Freelancer" });
    const contractId = await endedPaidContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, endedAt });
    const title = (await db.prisma.contract.findUniqueOrThrow({ where: { id: contractId } })).title;
    const byClient = { actorId: client.id, idempotencyKey: key(), now: addDays(endedAt, 1), contractId, ...clientStars(5), comment: "Great work, on time." };
    // The first feedback stays blind: no one is told.
    expect(await written(() => leaveFeedback(db.prisma, byClient))).toEqual([]);
    const byFreelancer = { actorId: freelancer.id, idempotencyKey: key(), now: addDays(endedAt, 2), contractId, ...freelancerStars(4), comment: "Clear brief, paid promptly." };
    const revealed = await written(() => leaveFeedback(db.prisma, byFreelancer));
    const [fromClient, fromFreelancer] = await Promise.all(["CLIENT", "FREELANCER"].map((side) => db.prisma.feedback.findFirstOrThrow({ where: { contractId, side: side as "CLIENT" | "FREELANCER" } })));
    expect(revealed).toEqual(
      expect.arrayContaining([
        {
          userId: freelancer.id,
          kind: "feedback_received",
          eventKey: `feedback_received:${fromClient!.id}`,
          link: `/contracts/${contractId}`,
          title: "Cora Client left feedback: 5 out of 5 stars",
          body: `Your feedback on “${title}” is revealed: 5 out of 5 stars. You can reply once.`,
          data: { jobTitle: title, fromName: "Cora Client", overall: 5 },
        },
        expect.objectContaining({ userId: client.id, kind: "feedback_received", eventKey: `feedback_received:${fromFreelancer!.id}`, data: { jobTitle: title, fromName: "Finn Freelancer", overall: 4 } }),
      ]),
    );
    expect(revealed).toHaveLength(2);
    expect(await written(() => leaveFeedback(db.prisma, byFreelancer))).toEqual([]);
    expect(await written(() => expect(leaveFeedback(db.prisma, { ...byFreelancer, idempotencyKey: key() })).rejects.toMatchObject({ code: "CONFLICT" }))).toEqual([]);
  });

  it("tells the person a lone feedback is about when its window closes (the runner), once", async () => {
    const client = await makeUser(db.prisma, "CLIENT", { name: "Cora Client" });
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    const contractId = await endedPaidContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, endedAt });
    await leaveFeedback(db.prisma, { actorId: client.id, idempotencyKey: key(), now: addDays(endedAt, 1), contractId, ...clientStars(3), comment: "Fine in the end." });
    const mine = (notes: { userId: string }[]) => notes.filter((n) => n.userId === freelancer.id);
    expect(mine(await written(() => revealClosedFeedback(db.prisma, { now: addDays(endedAt, 13) })))).toEqual([]);
    const closes = addDays(endedAt, 14);
    expect(mine(await written(() => revealClosedFeedback(db.prisma, { now: closes })))).toMatchObject([
      { kind: "feedback_received", link: `/contracts/${contractId}`, data: { fromName: "Cora Client", overall: 3 } },
    ]);
    expect(mine(await written(() => revealClosedFeedback(db.prisma, { now: closes })))).toEqual([]);
  });
});
