import { accountKey } from "@fairlance/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeFixedContract, freshDatabase, key, ledgerBalance, makeUser, makeVerifiedClient, NOW, RecordingGateway, type TestDatabase } from "../../testing";
import { acceptRefundRequests } from "./accept-refund-requests";
import { approveMilestone } from "./approve-milestone";
import { declineOffer } from "./decline-offer";
import { endContract } from "./end-contract";
import { fundMilestone } from "./fund-milestone";
import { makeDirectOffer } from "./make-direct-offer";
import { submitWork } from "./submit-work";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

async function fundedContract(gateway: RecordingGateway) {
  const clientId = (await makeVerifiedClient(db.prisma)).id;
  const freelancerId = (await makeUser(db.prisma, "FREELANCER")).id;
  const offer = await activeFixedContract(db.prisma, { clientId, freelancerId, milestones: [10_000n, 20_000n, 30_000n] });
  const [m1, m2, m3] = offer.milestoneIds as [string, string, string];
  for (const milestoneId of [m1, m2]) await fundMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId }, { gateway });
  await submitWork(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, milestoneId: m2 });
  return { clientId, freelancerId, contractId: offer.contractId, m1, m2, m3 };
}

describe("endContract", () => {
  it("refunds everything in escrow to the client (amount + client fee) when the freelancer gives it back", async () => {
    const gateway = new RecordingGateway();
    const { clientId, freelancerId, contractId, m1, m2, m3 } = await fundedContract(gateway);
    const input = { actorId: freelancerId, idempotencyKey: key(), now: NOW, contractId, reason: "Client went quiet", refundEscrow: true };
    await expect(endContract(db.prisma, { ...input, releaseEscrow: true }, { gateway })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(endContract(db.prisma, { ...input, actorId: (await makeUser(db.prisma, "FREELANCER")).id }, { gateway })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const ended = await endContract(db.prisma, input, { gateway });
    expect(ended).toMatchObject({ status: "ENDED", endedAt: NOW, released: [], refundsRequested: [] });
    expect(ended.cardRefunds.map((r) => [r.milestoneId, r.amountMinor, r.failureReason])).toEqual([[m1, 10_300n, null], [m2, 20_600n, null]]);
    expect(await endContract(db.prisma, input, { gateway })).toEqual(ended);
    // The replay re-sends the card refunds under the same keys: the provider refunds each once.
    expect(new Set(gateway.refunds.map((r) => r.idempotencyKey)).size).toBe(2);
    await expect(endContract(db.prisma, { ...input, reason: "Other" }, { gateway })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    await expect(endContract(db.prisma, { ...input, idempotencyKey: key(), actorId: clientId, refundEscrow: false }, { gateway })).rejects.toMatchObject({ code: "CONTRACT_TRANSITION_NOT_ALLOWED" });
    const statuses = await db.prisma.milestone.findMany({ where: { contractId }, orderBy: { position: "asc" }, select: { id: true, status: true } });
    expect(statuses).toEqual([{ id: m1, status: "REFUNDED" }, { id: m2, status: "REFUNDED" }, { id: m3, status: "CREATED" }]);
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "platform_revenue", revenue: "client_fee" }))).toBe(0n);
  });

  it("moves nothing when the freelancer ends without giving the escrow back: each milestone keeps its own rules", async () => {
    const gateway = new RecordingGateway();
    const { freelancerId, contractId, m1, m2 } = await fundedContract(gateway);
    const ended = await endContract(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, contractId, reason: "Moving on" }, { gateway });
    expect(ended).toMatchObject({ status: "ENDED", released: [], refundsRequested: [], cardRefunds: [] });
    const statuses = await db.prisma.milestone.findMany({ where: { id: { in: [m1, m2] } }, orderBy: { position: "asc" }, select: { status: true } });
    expect(statuses.map((m) => m.status)).toEqual(["FUNDED", "SUBMITTED"]);
    expect(gateway.refunds).toEqual([]);
  });

  it("asks for unstarted work's escrow back when the client ends it; submitted work keeps its review; silence accepts", async () => {
    const gateway = new RecordingGateway();
    const { clientId, contractId, m1, m2 } = await fundedContract(gateway);
    const input = { actorId: clientId, idempotencyKey: key(), now: NOW, contractId, reason: "Project cancelled" };
    await expect(endContract(db.prisma, { ...input, refundEscrow: true }, { gateway })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const ended = await endContract(db.prisma, input, { gateway });
    const deadline = new Date(NOW.getTime() + 7 * 86_400_000);
    expect(ended).toMatchObject({ status: "ENDED", released: [], cardRefunds: [], refundsRequested: [{ milestoneId: m1, deadline }] });
    expect(await db.prisma.milestone.findUniqueOrThrow({ where: { id: m1 } })).toMatchObject({ status: "REFUND_REQUESTED", refundRequestReason: "Project cancelled", refundRequestDeadline: deadline });
    expect((await db.prisma.milestone.findUniqueOrThrow({ where: { id: m2 } })).status).toBe("SUBMITTED");
    // Work submitted before the end can still be approved.
    await expect(approveMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId: m2 })).resolves.toMatchObject({ status: "APPROVED" });
    // The freelancer does not answer: after 7 days the runner gives the escrow back, once.
    expect(await acceptRefundRequests(db.prisma, { now: new Date(deadline.getTime() - 1) }, { gateway })).toEqual({ refunded: [] });
    const accepted = await acceptRefundRequests(db.prisma, { now: deadline }, { gateway });
    expect(accepted.refunded).toMatchObject([{ milestoneId: m1, amountMinor: 10_300n, queued: false }]);
    expect(await acceptRefundRequests(db.prisma, { now: deadline }, { gateway })).toEqual({ refunded: [] });
    expect((await db.prisma.milestone.findUniqueOrThrow({ where: { id: m1 } })).status).toBe("REFUNDED");
    expect(gateway.refunds.map((r) => r.amountMinor)).toEqual([10_300n]);
  });

  it("lets the client release the escrow to the freelancer instead, with the service fee", async () => {
    const gateway = new RecordingGateway();
    const { clientId, freelancerId, contractId, m1, m2 } = await fundedContract(gateway);
    const ended = await endContract(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, contractId, reason: "Done", releaseEscrow: true }, { gateway });
    // $100 then $200, both in the first band: 20%.
    expect(ended.released.map((r) => [r.milestoneId, r.grossMinor, r.feeMinor, r.netMinor])).toEqual([[m1, 10_000n, 2_000n, 8_000n], [m2, 20_000n, 4_000n, 16_000n]]);
    expect(ended.cardRefunds).toEqual([]);
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "freelancer_pending", userId: freelancerId }))).toBe(24_000n);
  });
});

describe("declineOffer with a funded milestone", () => {
  it("refunds the escrow funded with the offer", async () => {
    const gateway = new RecordingGateway();
    const clientId = (await makeVerifiedClient(db.prisma)).id;
    const freelancerId = (await makeUser(db.prisma, "FREELANCER")).id;
    const offer = await makeDirectOffer(db.prisma, {
      actorId: clientId, idempotencyKey: key(), now: NOW, freelancerId, title: "T", terms: { type: "FIXED", milestones: [{ title: "M", amountMinor: 50_000n }] },
    });
    const milestoneId = offer.milestoneIds[0]!;
    const funded = await fundMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId }, { gateway });
    const declined = await declineOffer(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, contractId: offer.contractId }, { gateway });
    expect(declined).toMatchObject({ status: "DECLINED", cardRefunds: [{ milestoneId, amountMinor: 51_500n, failureReason: null }] });
    expect(gateway.refunds).toEqual([expect.objectContaining({ chargeRef: funded.chargeRef, amountMinor: 51_500n })]);
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "escrow_milestone", milestoneId }))).toBe(0n);
  });
});
