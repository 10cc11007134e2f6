import { addDays } from "@fairlance/rules";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { assertLedgerHolds, COVER_LETTER, freelancerWithConnects, freshDatabase, key, makeUser, openJob, type TestDatabase } from "../../testing";
import { closeBoostAuctions } from "./close-boost-auctions";
import { markProposalViewed } from "./mark-proposal-viewed";
import { listMyProposals } from "../../read/job-pages";
import { submitProposal } from "./submit-proposal";
import { connectsOf } from "./test-helpers";
import { withdrawProposal } from "./withdraw-proposal";

let db: TestDatabase;
let client: string;
beforeAll(async () => {
  db = await freshDatabase();
  client = (await makeUser(db.prisma, "CLIENT")).id;
});
afterEach(() => assertLedgerHolds(db.prisma));
afterAll(() => db.drop());

const posted = new Date("2026-12-01T09:00:00Z");
const minutes = (n: number) => new Date(posted.getTime() + n * 60_000);

describe("closeBoostAuctions", () => {
  it("keeps the top 4 bids (ties to the earlier bid) and interacted ones, refunds the outbid boosts only, once", async () => {
    const jobId = await openJob(db.prisma, client, posted);
    const noBoost = (await freelancerWithConnects(db.prisma, 30, posted)).id;
    await submitProposal(db.prisma, { jobId, actorId: noBoost, now: minutes(1), idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n });
    // Bids in submission order; three bids of 5 tie for the last two slots: the latest loses.
    const bids = [10, 8, 5, 5, 5, 3, 2, 7];
    const bidders: { id: string; proposalId: string; boost: number }[] = [];
    for (const [i, boost] of bids.entries()) {
      const id = (await freelancerWithConnects(db.prisma, 30, posted, { name: `bidder${i}` })).id;
      const { proposalId } = await submitProposal(db.prisma, {
        jobId, actorId: id, now: minutes(10 + i), idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n, boostConnects: boost,
      });
      bidders.push({ id, proposalId, boost });
    }
    const [b10, b8, b5a, b5b, b5late, b3, b2, b7] = bidders as [typeof bidders[number], ...typeof bidders];
    // The client opened the 3-connect bid while it was boosted: it keeps its boost.
    await markProposalViewed(db.prisma, { proposalId: b3!.proposalId, actorId: client, now: minutes(60) });
    // The 7 withdraws: it gives up its slot and gets nothing back.
    await withdrawProposal(db.prisma, { proposalId: b7!.proposalId, actorId: b7!.id, now: minutes(61), idempotencyKey: key() });

    expect(await closeBoostAuctions(db.prisma, { now: new Date(addDays(posted, 7).getTime() - 1) })).toEqual([]);
    const closesAt = addDays(posted, 7);
    const [auction] = await closeBoostAuctions(db.prisma, { now: closesAt });
    expect(new Set(auction!.refunded)).toEqual(new Set([
      { proposalId: b5late!.proposalId, boostConnects: 5 },
      { proposalId: b2!.proposalId, boostConnects: 2 },
    ]));
    expect(new Map(auction!.kept.map((k) => [k.proposalId, k.why]))).toEqual(
      new Map([
        [b10.proposalId, "top_slot"],
        [b8!.proposalId, "top_slot"],
        [b5a!.proposalId, "top_slot"],
        [b5b!.proposalId, "top_slot"],
        [b3!.proposalId, "client_interacted"],
        [b7!.proposalId, "withdrawn"],
      ]),
    );
    expect(await closeBoostAuctions(db.prisma, { now: closesAt })).toEqual([]);
    expect(await connectsOf(db.prisma, b2!.id, closesAt)).toBe(30 - 6);
    expect(await connectsOf(db.prisma, b5b!.id, closesAt)).toBe(30 - 6 - 5);
    expect(await connectsOf(db.prisma, b5late!.id, closesAt)).toBe(30 - 6);
    expect(await connectsOf(db.prisma, b7!.id, closesAt)).toBe(30 - 6 - 7);
    const [history] = await listMyProposals(db.prisma, b2!.id);
    expect(history).toMatchObject({ connectsSpent: 8, connectsRefunded: 2, refundReason: "Refunded: the boost did not win a top slot" });
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ auctionClosedAt: closesAt });
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: b2!.proposalId } })).toMatchObject({ boostRefunded: true, boostSettledAt: closesAt, connectsRefunded: 2 });
  });
});
