import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, key, makeUser, makeVerifiedClient, type TestDatabase } from "@fairlance/db/testing";
import { callerAt, T0 } from "./money-helpers";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

/** economy.md §3.5: the offer previews its milestones the way they are billed; the client sees none of the freelancer's fee. */
describe("the fee preview of a contract's milestones", () => {
  it("$300 then $900 with a new client: previewed $240 + $790 = $1,030, paid exactly that in that order", async () => {
    const client = await makeVerifiedClient(db.prisma, { now: T0 });
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    const as = (who: typeof client) => callerAt(db.prisma, who, T0);
    const offer = await as(client).contract.offer({
      idempotencyKey: key(),
      freelancerId: freelancer.id,
      title: "Two parts",
      terms: { type: "FIXED", milestones: [{ title: "Design", amountMinor: 30_000n }, { title: "Build", amountMinor: 90_000n }] },
    });

    const page = await as(freelancer).contract.get({ contractId: offer.contractId });
    expect(page.milestones.map((m) => [m.feePreview?.priorBilledMinor, m.feePreview?.feeMinor, m.feePreview?.netMinor])).toEqual([
      [0n, 6_000n, 24_000n],
      [30_000n, 11_000n, 79_000n],
    ]);
    expect(page.feePlan).toMatchObject({ milestoneCount: 2, grossMinor: 120_000n, feeMinor: 17_000n, netMinor: 103_000n, splitDependsOnOrder: true });
    // The proposal's preview of the same $1,200 says the same total.
    expect(page.feePlan!.bands).toEqual([
      { rateBps: 2_000, partMinor: 50_000n, feeMinor: 10_000n },
      { rateBps: 1_000, partMinor: 70_000n, feeMinor: 7_000n },
    ]);

    const clientPage = await as(client).contract.get({ contractId: offer.contractId });
    expect(clientPage.feePlan).toBeNull();
    expect(clientPage.hourlyWeekPreview).toBeNull();
    expect(clientPage.milestones.map((m) => m.feePreview)).toEqual([null, null]);

    await as(freelancer).contract.accept({ idempotencyKey: key(), contractId: offer.contractId });
    const paid = [];
    for (const milestoneId of offer.milestoneIds) {
      await as(client).milestone.fund({ idempotencyKey: key(), milestoneId });
      paid.push((await as(client).milestone.approve({ idempotencyKey: key(), milestoneId })).payment);
    }
    expect(paid.map((p) => [p.priorBilledMinor, p.feeMinor, p.netMinor])).toEqual([
      [0n, 6_000n, 24_000n],
      [30_000n, 11_000n, 79_000n],
    ]);
    expect(paid.reduce((sum, p) => sum + p.netMinor, 0n)).toBe(page.feePlan!.netMinor);
  });

  it("an hourly offer previews a full week (rate × weekly limit) by band, for the freelancer only", async () => {
    const client = await makeVerifiedClient(db.prisma, { now: T0 });
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    const as = (who: typeof client) => callerAt(db.prisma, who, T0);
    const offer = await as(client).contract.offer({ idempotencyKey: key(), freelancerId: freelancer.id, title: "Support", terms: { type: "HOURLY", weeklyLimitHours: 20, hourlyRateMinor: 4_000n } });
    const page = await as(freelancer).contract.get({ contractId: offer.contractId });
    // $40 × 20 h = $800: $500 × 20% + $300 × 10% = $130.
    expect(page.hourlyWeekPreview).toMatchObject({ grossMinor: 80_000n, feeMinor: 13_000n, netMinor: 67_000n });
    expect(page.hourlyWeekPreview!.bands.map((b) => b.rateBps)).toEqual([2_000, 1_000]);
    expect((await as(client).contract.get({ contractId: offer.contractId })).hourlyWeekPreview).toBeNull();
  });
});
