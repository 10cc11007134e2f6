import { addDays } from "@fairlance/rules";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { assertLedgerHolds, COVER_LETTER, freelancerWithConnects, freshDatabase, grantConnects, key, makeUser, openJob, type TestDatabase } from "../../testing";
import { submitProposal } from "./submit-proposal";
import { connectsOf } from "./test-helpers";

let db: TestDatabase;
let client: string;
beforeAll(async () => {
  // A pool of 10 connections: the 100 calls really queue and race for them.
  db = await freshDatabase({ max: 10 });
  client = (await makeUser(db.prisma, "CLIENT")).id;
});
afterEach(() => assertLedgerHolds(db.prisma));
afterAll(() => db.drop());

const now = new Date("2026-12-01T09:00:00Z");
const submit = (jobId: string, actorId: string, idempotencyKey = key()) =>
  submitProposal(db.prisma, { jobId, actorId, now, idempotencyKey, coverLetter: COVER_LETTER, bidMinor: 90_000n });

describe("concurrent proposals", () => {
  it("100 simultaneous submissions on 100 jobs against a balance covering 37 give exactly 37 proposals", { timeout: 180_000 }, async () => {
    const freelancer = (await makeUser(db.prisma, "FREELANCER")).id;
    // 227 connects in three lots = 37 proposals at 6 connects, 5 left over.
    await grantConnects(db.prisma, freelancer, 100, now, addDays(now, 30));
    await grantConnects(db.prisma, freelancer, 100, now, addDays(now, 200));
    await grantConnects(db.prisma, freelancer, 27, now, addDays(now, 365));
    const jobs: string[] = [];
    for (let i = 0; i < 100; i++) jobs.push(await openJob(db.prisma, client, now, { title: `Concurrent job ${i}` }));

    const results = await Promise.allSettled(jobs.map((jobId) => submit(jobId, freelancer)));

    const accepted = results.filter((result) => result.status === "fulfilled");
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(accepted).toHaveLength(37);
    expect(new Set(refused.map((result) => (result.reason as { code: string }).code))).toEqual(new Set(["INSUFFICIENT_CONNECTS"]));
    expect(await db.prisma.proposal.count({ where: { freelancerId: freelancer } })).toBe(37);
    expect(await connectsOf(db.prisma, freelancer, now)).toBe(5);
    const spent = await db.prisma.connectEntry.aggregate({ where: { userId: freelancer, kind: "SPEND" }, _sum: { delta: true } });
    expect(spent._sum.delta).toBe(-37 * 6);
    // No lot ever went negative and each lot's remaining equals the sum of its entries.
    const lots = await db.prisma.connectLot.findMany({ where: { userId: freelancer }, include: { entries: { select: { delta: true } } } });
    for (const lot of lots) {
      expect(lot.remaining).toBeGreaterThanOrEqual(0);
      expect(lot.remaining).toBe(lot.entries.reduce((sum, entry) => sum + entry.delta, 0));
    }
    // The lot expiring first was used up first (FIFO by expiry).
    expect(lots.map((lot) => [lot.issued, lot.remaining]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!)).toEqual([[27, 5], [100, 0], [100, 0]]);
    expect(await db.prisma.job.count({ where: { id: { in: jobs }, proposalCount: 1 } })).toBe(37);
  });

  it("60 freelancers proposing at once to one job with a cap of 50 give exactly 50 proposals", { timeout: 180_000 }, async () => {
    const jobId = await openJob(db.prisma, client, now, { title: "Popular job" });
    const freelancers: string[] = [];
    for (let i = 0; i < 60; i++) freelancers.push((await freelancerWithConnects(db.prisma, 10, now, { name: `crowd${i}` })).id);

    const results = await Promise.allSettled(freelancers.map((freelancer) => submit(jobId, freelancer)));

    const refused = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(50);
    expect(refused.map((result) => (result.reason as { code: string }).code)).toEqual(Array(10).fill("PROPOSAL_CAP_REACHED"));
    expect(await db.prisma.proposal.count({ where: { jobId } })).toBe(50);
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ proposalCount: 50 });
    const balances = await Promise.all(freelancers.map((freelancer) => connectsOf(db.prisma, freelancer, now)));
    expect(balances.filter((balance) => balance === 4)).toHaveLength(50);
    expect(balances.filter((balance) => balance === 10)).toHaveLength(10);
  });

  it("simultaneous retries with one key create one proposal and spend once", async () => {
    const freelancer = (await freelancerWithConnects(db.prisma, 20, now)).id;
    const jobId = await openJob(db.prisma, client, now, { title: "Retried job" });
    const idempotencyKey = key();
    const results = await Promise.all(Array.from({ length: 5 }, () => submit(jobId, freelancer, idempotencyKey)));
    expect(new Set(results.map((result) => result.proposalId)).size).toBe(1);
    expect(await connectsOf(db.prisma, freelancer, now)).toBe(14);
  });
});
