import { accountKey, computeServiceFee, type FeeSchedule, settingValueToJson } from "@fairlance/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "../../client";
import { activeFixedContract, freshDatabase, key, ledgerBalance, makeUser, makeVerifiedClient, NOW, RecordingGateway, type TestDatabase } from "../../testing";
import { approveMilestone } from "./approve-milestone";
import { fundMilestone } from "./fund-milestone";
import { payBonus } from "./pay-bonus";
import { lifetimeBillings } from "../../read/contract-view";
import { at } from "./test-helpers";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

const gateway = new RecordingGateway();

async function release(clientId: string, milestoneId: string, now = NOW) {
  await fundMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now, milestoneId }, { gateway });
  return approveMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now, milestoneId });
}

describe("the tiered service fee over a client relationship (economy.md §3.5)", () => {
  it("continues the band on a second contract with the same client, but not with another client", async () => {
    const clientId = (await makeVerifiedClient(db.prisma, { name: "Carla" })).id;
    const freelancerId = (await makeUser(db.prisma, "FREELANCER")).id;
    const first = await activeFixedContract(db.prisma, { clientId, freelancerId, milestones: [40_000n] });
    expect((await release(clientId, first.milestoneIds[0]!)).payment).toMatchObject({ feeMinor: 8_000n, netMinor: 32_000n });
    const second = await activeFixedContract(db.prisma, { clientId, freelancerId, milestones: [20_000n] });
    // $100 at 20% to reach $500, then $100 at 10%.
    expect((await release(clientId, second.milestoneIds[0]!)).payment).toMatchObject({ priorBilledMinor: 40_000n, feeMinor: 3_000n, netMinor: 17_000n });

    const otherClient = (await makeVerifiedClient(db.prisma, { name: "Olga" })).id;
    const third = await activeFixedContract(db.prisma, { clientId: otherClient, freelancerId, milestones: [20_000n] });
    expect((await release(otherClient, third.milestoneIds[0]!)).payment).toMatchObject({ priorBilledMinor: 0n, feeMinor: 4_000n });

    const billings = await lifetimeBillings(db.prisma, freelancerId);
    expect(billings.map((b) => [b.clientName, b.billedMinor, b.currentBand?.index, b.nextBand?.index, b.remainingToNextMinor])).toEqual([
      ["Carla", 60_000n, 1, 2, 940_000n],
      ["Olga", 20_000n, 0, 1, 30_000n],
    ]);
  });

  it("keeps a contract's schedule after a fee-schedule change; new contracts use the new one", async () => {
    const clientId = (await makeVerifiedClient(db.prisma)).id;
    const freelancerId = (await makeUser(db.prisma, "FREELANCER")).id;
    const before = await activeFixedContract(db.prisma, { clientId, freelancerId, milestones: [100_000n, 1_000_000n] });
    const flat: FeeSchedule = { model: "flat", rateBps: 1_000 };
    const changedAt = at("2026-11-27T00:00:00Z");
    await db.prisma.settingVersion.create({
      data: { key: "feeSchedule", value: settingValueToJson(flat) as Prisma.InputJsonValue, effectiveFrom: changedAt, reason: "Flat 10% for new contracts" },
    });
    const later = at("2026-11-28T00:00:00Z");
    expect((await release(clientId, before.milestoneIds[0]!, later)).payment).toMatchObject({ feeMinor: 15_000n });
    const after = await activeFixedContract(db.prisma, { clientId, freelancerId, milestones: [100_000n], now: later });
    expect(after.settingsVersion).toBeGreaterThan(before.settingsVersion);
    expect((await release(clientId, after.milestoneIds[0]!, later)).payment).toMatchObject({ priorBilledMinor: 100_000n, feeMinor: 10_000n });
    // The old contract still bills the tiered bands: $10,000 from $2,000 billed = $8,000 at 10% + $2,000 at 5% (flat would be $1,000).
    expect((await release(clientId, before.milestoneIds[1]!, later)).payment).toMatchObject({ priorBilledMinor: 200_000n, feeMinor: 90_000n });
  });

  it("prices concurrent approvals between one pair one after the other: their fees add up to F(total)", async () => {
    const clientId = (await makeVerifiedClient(db.prisma)).id;
    const freelancerId = (await makeUser(db.prisma, "FREELANCER")).id;
    const amounts = [30_001n, 45_555n, 120_003n, 9_999n, 850_000n];
    const { milestoneIds } = await activeFixedContract(db.prisma, { clientId, freelancerId, milestones: amounts });
    for (const milestoneId of milestoneIds) await fundMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId }, { gateway });
    const approved = await Promise.all(milestoneIds.map((milestoneId) => approveMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId })));
    const total = amounts.reduce((sum, a) => sum + a, 0n);
    const fees = approved.reduce((sum, a) => sum + a.payment.feeMinor, 0n);
    expect(fees).toBe(computeServiceFee({ priorBilledMinor: 0n, amountMinor: total }).feeMinor);
    expect(new Set(approved.map((a) => a.payment.priorBilledMinor)).size).toBe(amounts.length);
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "freelancer_pending", userId: freelancerId }))).toBe(total - fees);
    expect((await db.prisma.billing.findFirstOrThrow({ where: { clientId, freelancerId } })).billedMinor).toBe(total);
  });
});

describe("payBonus (economy.md §3.6)", () => {
  it("charges bonus + client fee and pays it with the tiered service fee", async () => {
    const clientId = (await makeVerifiedClient(db.prisma)).id;
    const freelancerId = (await makeUser(db.prisma, "FREELANCER")).id;
    const { contractId } = await activeFixedContract(db.prisma, { clientId, freelancerId, milestones: [5_000n] });
    const input = { actorId: clientId, idempotencyKey: key(), now: NOW, contractId, amountMinor: 60_000n, note: "Thanks!" };
    const charged = gateway.charges.length;
    const paid = await payBonus(db.prisma, input, { gateway });
    expect(paid).toMatchObject({ clientFeeMinor: 1_800n, chargedMinor: 61_800n, payment: { grossMinor: 60_000n, feeMinor: 11_000n, netMinor: 49_000n } });
    expect(await payBonus(db.prisma, input, { gateway })).toEqual(paid);
    expect(gateway.charges.length - charged).toBe(1);
    await expect(payBonus(db.prisma, { ...input, amountMinor: 1n }, { gateway })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect(await db.prisma.payment.findUniqueOrThrow({ where: { id: paid.payment.paymentId } })).toMatchObject({ kind: "BONUS", milestoneId: null });
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "freelancer_pending", userId: freelancerId }))).toBe(49_000n);

    const again = { ...input, idempotencyKey: key() };
    await expect(payBonus(db.prisma, { ...again, actorId: freelancerId }, { gateway })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(payBonus(db.prisma, { ...again, actorId: (await makeVerifiedClient(db.prisma)).id }, { gateway })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(payBonus(db.prisma, { ...again, amountMinor: 0n }, { gateway })).rejects.toThrow("The bonus must be more than $0.00.");
    await db.prisma.contract.update({ where: { id: contractId }, data: { status: "ENDED" } });
    await expect(payBonus(db.prisma, again, { gateway })).rejects.toMatchObject({ code: "CONTRACT_NOT_ACTIVE" });
    expect(gateway.charges.length - charged).toBe(1);
  });
});
