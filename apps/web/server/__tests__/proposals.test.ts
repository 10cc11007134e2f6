import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COVER_LETTER, freshDatabase, key, type TestDatabase } from "@fairlance/db/testing";
import { people } from "./marketplace-fixtures";

let db: TestDatabase;
let the: Awaited<ReturnType<typeof people>>;
beforeAll(async () => {
  db = await freshDatabase();
  the = await people(db.prisma);
  await the.grant(the.users.freelancer.id, 30);
  await the.grant(the.users.otherFreelancer.id, 3);
});
afterAll(() => db.drop());

const FORBIDDEN = { code: "FORBIDDEN" };
const NOT_FOUND = { code: "NOT_FOUND" };
const propose = (caller: typeof the.callers.freelancer, jobId: string, boostConnects = 0) =>
  caller.proposal.submit({ jobId, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 100_000n, boostConnects });

describe("proposal procedures for freelancers", () => {
  it("proposal.feePreview splits the fee by band with this client; drafts and clients are refused", async () => {
    const jobId = await the.job();
    const preview = await the.callers.freelancer.proposal.feePreview({ jobId, bidMinor: 100_000n });
    expect(preview).toMatchObject({ jobType: "FIXED", priorBilledMinor: 0n, amountMinor: 100_000n, feeMinor: 15_000n, netMinor: 85_000n });
    expect(preview.bands.map((band) => [band.rateBps, band.partMinor, band.feeMinor])).toEqual([
      [2000, 50_000n, 10_000n],
      [1000, 50_000n, 5_000n],
    ]);
    expect(preview.after.remainingToNextMinor).toBe(900_000n);
    await expect(the.callers.freelancer.proposal.feePreview({ jobId: await the.job(the.users.client.id, false), bidMinor: 1n })).rejects.toMatchObject(NOT_FOUND);
    await expect(the.callers.client.proposal.feePreview({ jobId, bidMinor: 1n })).rejects.toMatchObject(FORBIDDEN);
  });

  it("proposal.submit spends the cost and boost, and refuses too few connects with the numbers", async () => {
    const jobId = await the.job();
    expect(await propose(the.callers.freelancer, jobId, 4)).toMatchObject({ connectCost: 6, boostConnects: 4, connectsSpent: 10 });
    expect(await the.callers.freelancer.job.get({ jobId })).toMatchObject({ connectBalance: 20, myProposal: { boostConnects: 4 } });
    await expect(propose(the.callers.otherFreelancer, jobId)).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT", message: "This needs 6 connects and you have 3." });
    await expect(propose(the.callers.client, jobId)).rejects.toMatchObject(FORBIDDEN);
  });

  it("proposal.withdraw ends the freelancer's own proposal without a refund", async () => {
    const jobId = await the.job();
    const { proposalId } = await propose(the.callers.freelancer, jobId);
    await expect(the.callers.otherFreelancer.proposal.withdraw({ proposalId, idempotencyKey: key() })).rejects.toMatchObject(NOT_FOUND);
    await expect(the.callers.client.proposal.withdraw({ proposalId, idempotencyKey: key() })).rejects.toMatchObject(FORBIDDEN);
    expect(await the.callers.freelancer.proposal.withdraw({ proposalId, idempotencyKey: key() })).toMatchObject({ status: "WITHDRAWN", connectsRefunded: 0 });
  });

  it("proposal.listMine lists only the freelancer's own proposals", async () => {
    const mine = await the.callers.freelancer.proposal.listMine();
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(await the.callers.otherFreelancer.proposal.listMine()).toEqual([]);
    await expect(the.callers.client.proposal.listMine()).rejects.toMatchObject(FORBIDDEN);
  });
});

describe("proposal procedures for clients", () => {
  it("proposal.markViewed, shortlist and decline act on the job owner's proposals only", async () => {
    const jobId = await the.job();
    const { proposalId } = await propose(the.callers.freelancer, jobId);
    for (const call of [
      (caller: typeof the.callers.client) => caller.proposal.markViewed({ proposalId }),
      (caller: typeof the.callers.client) => caller.proposal.shortlist({ proposalId, idempotencyKey: key() }),
      (caller: typeof the.callers.client) => caller.proposal.decline({ proposalId, idempotencyKey: key() }),
    ]) {
      await expect(call(the.callers.otherClient)).rejects.toMatchObject(NOT_FOUND);
      await expect(call(the.callers.freelancer)).rejects.toMatchObject(FORBIDDEN);
    }
    expect(await the.callers.client.proposal.markViewed({ proposalId })).toMatchObject({ status: "VIEWED", viewedAt: expect.any(Date) });
    expect(await the.callers.client.proposal.shortlist({ proposalId, idempotencyKey: key() })).toMatchObject({ status: "SHORTLISTED" });
    const declined = await the.callers.client.proposal.decline({ proposalId, idempotencyKey: key() });
    expect(declined).toMatchObject({ status: "DECLINED", connectsRefunded: 0 });
    expect(declined.explanation).toMatch(/.+/);
  });

  it("contract.hire sends an offer that the job page shows waiting, with its expiry; after a decline the proposal is back and the client hires again", async () => {
    const jobId = await the.job();
    const { proposalId } = await propose(the.callers.freelancer, jobId);
    const terms = { type: "FIXED" as const, milestones: [{ title: "All of it", amountMinor: 100_000n }] };
    const offer = await the.callers.client.contract.hire({ idempotencyKey: key(), proposalId, terms });
    const page = await the.callers.client.job.getMine({ jobId });
    expect(page.job.status).toBe("OPEN");
    const shown = page.proposals.find((proposal) => proposal.id === proposalId)!;
    expect(shown).toMatchObject({ status: "OFFERED", hasContract: true, offer: { contractId: offer.contractId, status: "OFFERED", offerExpiresAt: expect.any(Date), endedAt: null } });
    const view = await the.callers.freelancer.contract.get({ contractId: offer.contractId });
    expect(view.offerExpiresAt).toEqual(shown.offer!.offerExpiresAt);
    expect(view.offerExpiresAt.getTime() - view.offeredAt.getTime()).toBe(7 * 86_400_000);
    // One offer out per job (economy.md §3.7).
    await expect(the.callers.client.contract.hire({ idempotencyKey: key(), proposalId, terms })).rejects.toMatchObject({ code: "CONFLICT" });

    await the.callers.freelancer.contract.decline({ idempotencyKey: key(), contractId: offer.contractId });
    const after = (await the.callers.client.job.getMine({ jobId })).proposals.find((proposal) => proposal.id === proposalId)!;
    expect(after).toMatchObject({ status: "SUBMITTED", hasContract: false, offer: { contractId: offer.contractId, status: "DECLINED" } });
    const again = await the.callers.client.contract.hire({ idempotencyKey: key(), proposalId, terms });
    expect(again.contractId).not.toBe(offer.contractId);
  });
});
