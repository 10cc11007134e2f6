import { accountKey } from "@fairlance/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeFixedContract, assertLedgerHolds, days, freshDatabase, key, ledgerBalance, makeUser, makeVerifiedClient, NOW, RecordingGateway, type TestDatabase } from "../../testing";
import { auditRows } from "../../testing/audit";
import { checkInvariants } from "../../ledger/invariants";
import { getBillingStatement } from "../../read/billing-statement";
import { getDispute, listOpenDisputes, previewDisputeDivision } from "../../read/disputes";
import { getEarnings } from "../../read/earnings";
import { approveMilestone } from "../contracts/approve-milestone";
import { autoApproveMilestones } from "../contracts/auto-approve-milestones";
import { endContract } from "../contracts/end-contract";
import { fundMilestone } from "../contracts/fund-milestone";
import { refundMilestone } from "../contracts/refund-milestone";
import { requestChanges } from "../contracts/request-changes";
import { requestRefund } from "../contracts/request-refund";
import { submitWork } from "../contracts/submit-work";
import { withdrawRefundRequest } from "../contracts/withdraw-refund-request";
import { addStatement } from "./add-statement";
import { decideDispute } from "./decide-dispute";
import { disputeMilestone } from "./open-dispute";
import { acceptSplit, proposeSplit } from "./settle-dispute";
import { withdrawDispute } from "./withdraw-dispute";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase({ max: 12 });
});
afterAll(() => db.drop());

const gateway = new RecordingGateway();

/** A contract with one $1,000 milestone ($30 client fee), funded; submitted when asked. */
async function fundedMilestone(options: { submit?: boolean; amountMinor?: bigint } = {}) {
  const client = await makeVerifiedClient(db.prisma);
  const freelancer = await makeUser(db.prisma, "FREELANCER");
  const offer = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, milestones: [options.amountMinor ?? 100_000n] });
  const milestoneId = offer.milestoneIds[0]!;
  await fundMilestone(db.prisma, { actorId: client.id, idempotencyKey: key(), now: NOW, milestoneId }, { gateway });
  if (options.submit) await submitWork(db.prisma, { actorId: freelancer.id, idempotencyKey: key(), now: NOW, milestoneId });
  return { clientId: client.id, freelancerId: freelancer.id, contractId: offer.contractId, milestoneId };
}

const statusOf = async (milestoneId: string) => (await db.prisma.milestone.findUniqueOrThrow({ where: { id: milestoneId } })).status;
const opening = { reason: "Work not delivered", statement: "Nothing was delivered by the agreed date.", links: ["https://example.com/brief"] };

describe("refund requests before any work is submitted (economy.md §3.1)", () => {
  it("the client asks, the freelancer gives it back; the client cannot take it back alone", async () => {
    const { clientId, freelancerId, milestoneId } = await fundedMilestone();
    const ask = { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId, reason: "Plans changed" };
    await expect(refundMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId }, { gateway })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(requestRefund(db.prisma, { ...ask, actorId: freelancerId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const asked = await requestRefund(db.prisma, ask);
    expect(asked).toEqual({ milestoneId, status: "REFUND_REQUESTED", deadline: days(NOW, 7) });
    expect(await requestRefund(db.prisma, ask)).toEqual(asked);
    // While the request is open the freelancer answers it; new work cannot be submitted.
    await expect(submitWork(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, milestoneId })).rejects.toMatchObject({ code: "MILESTONE_TRANSITION_NOT_ALLOWED" });
    const given = await refundMilestone(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: days(NOW, 1), milestoneId }, { gateway });
    expect(given).toMatchObject({ status: "REFUNDED", cardRefund: { amountMinor: 103_000n, queued: false } });
  });

  it("is refused once work was submitted; the client can withdraw an unanswered request", async () => {
    const submitted = await fundedMilestone({ submit: true });
    await expect(requestRefund(db.prisma, { actorId: submitted.clientId, idempotencyKey: key(), now: NOW, milestoneId: submitted.milestoneId, reason: "No" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Work was submitted on this milestone, so its escrow is the freelancer's to give back: approve it, request changes, or open a dispute.",
    });
    const { clientId, milestoneId } = await fundedMilestone();
    await requestRefund(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId, reason: "Plans changed" });
    expect(await withdrawRefundRequest(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId })).toEqual({ milestoneId, status: "FUNDED" });
    expect(await db.prisma.milestone.findUniqueOrThrow({ where: { id: milestoneId } })).toMatchObject({ status: "FUNDED", refundRequestDeadline: null });
  });
});

describe("change requests (economy.md §3.3)", () => {
  it("are limited to maxChangeRequests rounds; then only approval or a dispute remain", async () => {
    const { clientId, freelancerId, milestoneId } = await fundedMilestone({ submit: true });
    for (let round = 1; round <= 3; round++) {
      await requestChanges(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId, message: `Round ${round}` });
      await submitWork(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, milestoneId });
    }
    await expect(requestChanges(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId, message: "Round 4" })).rejects.toMatchObject({
      code: "CHANGE_REQUESTS_USED_UP",
      message: "You have asked for changes 3 times, the most for one milestone: approve the work or open a dispute.",
    });
    await expect(disputeMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId, ...opening })).resolves.toMatchObject({ status: "OPEN" });
  });
});

describe("disputes (economy.md §6)", () => {
  it("freeze the escrow: no approval, refund or automatic approval while open", async () => {
    const { clientId, freelancerId, milestoneId } = await fundedMilestone({ submit: true });
    const opened = await disputeMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId, ...opening });
    expect(opened).toMatchObject({ status: "OPEN", targetStatus: "DISPUTED", amountMinor: 100_000n });
    await expect(approveMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId })).rejects.toMatchObject({ code: "MILESTONE_TRANSITION_NOT_ALLOWED" });
    await expect(refundMilestone(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, milestoneId }, { gateway })).rejects.toMatchObject({ code: "MILESTONE_TRANSITION_NOT_ALLOWED" });
    await expect(disputeMilestone(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, milestoneId, ...opening })).rejects.toMatchObject({ code: "MILESTONE_TRANSITION_NOT_ALLOWED" });
    expect((await autoApproveMilestones(db.prisma, { now: days(NOW, 60) })).approved.map((a) => a.milestoneId)).not.toContain(milestoneId);
    expect(await statusOf(milestoneId)).toBe("DISPUTED");
    // Both sides see the frozen money as its own state, with its date.
    const earnings = await getEarnings(db.prisma, freelancerId);
    expect(earnings.balances).toMatchObject({ inDisputeMinor: 100_000n, inEscrowMinor: 0n });
    expect(earnings.inDispute).toEqual([expect.objectContaining({ disputeId: opened.disputeId, amountMinor: 100_000n, openedAt: NOW })]);
    expect((await getBillingStatement(db.prisma, clientId)).inDispute).toEqual([expect.objectContaining({ disputeId: opened.disputeId, amountMinor: 100_000n, openedAt: NOW })]);
    // The invariant check notices a milestone taken out of dispute behind the dispute's back.
    await db.prisma.$executeRaw`UPDATE "Milestone" SET status = 'SUBMITTED' WHERE id = ${milestoneId}::uuid`;
    const broken = (await checkInvariants(db.prisma)).checks.find((check) => check.id === "disputes");
    expect(broken).toMatchObject({ ok: false, violations: [`milestone ${milestoneId} is SUBMITTED under open dispute ${opened.disputeId}`] });
    await db.prisma.$executeRaw`UPDATE "Milestone" SET status = 'DISPUTED' WHERE id = ${milestoneId}::uuid`;
  });

  it("take statements with links from both sides, not from strangers, and refuse bad links", async () => {
    const { clientId, freelancerId, milestoneId } = await fundedMilestone({ submit: true });
    const { disputeId } = await disputeMilestone(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, milestoneId, ...opening });
    // The client sees what comes back to them, not the freelancer's fee.
    expect(await previewDisputeDivision(db.prisma, { actorId: clientId, disputeId, releaseMinor: 60_000n })).toMatchObject({ serviceFeeMinor: null, freelancerNetMinor: null, feeBands: null, clientRefundMinor: 41_200n });
    const stranger = await makeUser(db.prisma, "CLIENT");
    const say = { idempotencyKey: key(), now: NOW, disputeId, text: "The brief changed twice.", links: ["https://example.com/chat"] };
    await expect(addStatement(db.prisma, { ...say, actorId: stranger.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addStatement(db.prisma, { ...say, actorId: clientId, links: ["javascript:alert(1)"] })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      message: "A link must be a web address starting with http:// or https://.",
    });
    await expect(addStatement(db.prisma, { ...say, actorId: clientId, links: Array.from({ length: 6 }, (_, i) => `https://e.com/${i}`) })).rejects.toMatchObject({ message: "Add at most 5 links." });
    await addStatement(db.prisma, { ...say, actorId: clientId });
    const statements = await db.prisma.disputeStatement.findMany({ where: { disputeId }, orderBy: { createdAt: "asc" } });
    expect(statements.map((s) => [s.authorId, s.text, s.links])).toEqual([
      [freelancerId, opening.statement, opening.links],
      [clientId, "The brief changed twice.", ["https://example.com/chat"]],
    ]);
  });

  it("are decided by an admin with a split: the fee on the released part only, the client fee refunded pro rata, to the cent", async () => {
    const { clientId, freelancerId, milestoneId } = await fundedMilestone({ submit: true });
    const { disputeId } = await disputeMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId, ...opening });
    const admin = await makeUser(db.prisma, "ADMIN");
    const decide = { actorId: admin.id, idempotencyKey: key(), now: days(NOW, 2), disputeId, outcome: "split" as const, releaseMinor: 60_000n, reason: "Half the work was delivered, to the spec." };
    await expect(decideDispute(db.prisma, { ...decide, actorId: clientId }, { gateway })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(decideDispute(db.prisma, { ...decide, releaseMinor: 100_000n }, { gateway })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    await expect(decideDispute(db.prisma, { ...decide, releaseMinor: undefined }, { gateway })).rejects.toMatchObject({ message: "Enter the freelancer's part of the split." });
    // What the admin (and each party) is shown before deciding is what the decision then does.
    const preview = await previewDisputeDivision(db.prisma, { actorId: admin.id, disputeId, releaseMinor: 60_000n });
    expect(preview).toMatchObject({ releaseMinor: 60_000n, serviceFeeMinor: 11_000n, freelancerNetMinor: 49_000n, refundMinor: 40_000n, clientFeeRefundMinor: 1_200n, clientRefundMinor: 41_200n });
    // The client sees what comes back to them, not the freelancer's fee.
    expect(await previewDisputeDivision(db.prisma, { actorId: clientId, disputeId, releaseMinor: 60_000n })).toMatchObject({ serviceFeeMinor: null, freelancerNetMinor: null, feeBands: null, clientRefundMinor: 41_200n });
    const stranger = await makeUser(db.prisma, "CLIENT");
    await expect(getDispute(db.prisma, { actorId: stranger.id, disputeId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getDispute(db.prisma, { actorId: freelancerId, disputeId })).toMatchObject({ viewerSide: "freelancer", can: { withdraw: false, propose: true, decide: false } });
    expect((await getDispute(db.prisma, { actorId: admin.id, disputeId })).can).toMatchObject({ decide: true, propose: false });
    expect((await listOpenDisputes(db.prisma, { actorId: admin.id, now: days(NOW, 2) })).find((row) => row.id === disputeId)).toMatchObject({ ageDays: 2, amountMinor: 100_000n, openedBy: "client" });
    const refundsBefore = gateway.refunds.length;
    const decided = await decideDispute(db.prisma, decide, { gateway });
    // $600 released: 20% of the first $500 + 10% of $100 = $110 fee, $490 net. $400 refunded with
    // $12 of the $30 client fee (30 × 400 / 1000).
    expect(decided).toMatchObject({
      status: "DECIDED",
      outcome: "SPLIT",
      targetStatus: "SPLIT",
      releasedMinor: 60_000n,
      refundedMinor: 40_000n,
      clientFeeRefundMinor: 1_200n,
      payment: { grossMinor: 60_000n, feeMinor: 11_000n, netMinor: 49_000n },
      cardRefund: { amountMinor: 41_200n, queued: false },
    });
    expect(await decideDispute(db.prisma, decide, { gateway })).toEqual(decided);
    expect(gateway.refunds.slice(refundsBefore).map((r) => r.amountMinor)).toEqual([41_200n, 41_200n]); // sent again on the replay, under one key
    expect(new Set(gateway.refunds.slice(refundsBefore).map((r) => r.idempotencyKey)).size).toBe(1);
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "escrow_milestone", milestoneId }))).toBe(0n);
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "freelancer_pending", userId: freelancerId }))).toBe(49_000n);
    expect(await db.prisma.billing.findUniqueOrThrow({ where: { clientId_freelancerId: { clientId, freelancerId } } })).toMatchObject({ billedMinor: 60_000n });
    expect(await db.prisma.dispute.findUniqueOrThrow({ where: { id: disputeId } })).toMatchObject({ status: "DECIDED", decisionReason: decide.reason, decidedById: admin.id });
    expect((await getDispute(db.prisma, { actorId: clientId, disputeId })).decision).toMatchObject({ outcome: "SPLIT", releasedMinor: 60_000n, refundedMinor: 40_000n, clientFeeRefundedMinor: 1_200n, reason: decide.reason, by: "admin" });
    const audit = auditRows(await db.prisma.auditLog.findMany({ where: { actorId: admin.id } }));
    expect(audit).toMatchObject([{ action: "dispute.decide", targetId: disputeId, reason: decide.reason, after: { outcome: "SPLIT", releasedMinor: 60_000n, refundedMinor: 40_000n } }]);
    await assertLedgerHolds(db.prisma);
  });

  it("are settled by the parties: one proposes, the other accepts exactly what they saw", async () => {
    const { clientId, freelancerId, milestoneId } = await fundedMilestone({ submit: true });
    const { disputeId } = await disputeMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId, ...opening });
    await expect(acceptSplit(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, disputeId, releaseMinor: 50_000n }, { gateway })).rejects.toMatchObject({ message: "There is no proposal to accept yet." });
    await proposeSplit(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, disputeId, releaseMinor: 80_000n });
    await expect(proposeSplit(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, disputeId, releaseMinor: 100_001n })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    await expect(acceptSplit(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, disputeId, releaseMinor: 80_000n }, { gateway })).rejects.toMatchObject({ message: "This is your own proposal: the other side accepts it." });
    await proposeSplit(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, disputeId, releaseMinor: 70_000n });
    await expect(acceptSplit(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, disputeId, releaseMinor: 80_000n }, { gateway })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "The proposal changed to $700.00 for the freelancer: review it and accept again.",
    });
    const settled = await acceptSplit(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, disputeId, releaseMinor: 70_000n }, { gateway });
    expect(settled).toMatchObject({ status: "SETTLED", outcome: "SPLIT", releasedMinor: 70_000n, refundedMinor: 30_000n, clientFeeRefundMinor: 900n, cardRefund: { amountMinor: 30_900n } });
    await expect(withdrawDispute(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, disputeId })).rejects.toMatchObject({ message: "This dispute was already settled by the parties." });
  });

  it("are withdrawn only by the side that opened them: the milestone goes back, its review window moved on by the time paused", async () => {
    const { clientId, freelancerId, milestoneId } = await fundedMilestone({ submit: true });
    const before = await db.prisma.milestone.findUniqueOrThrow({ where: { id: milestoneId } });
    const { disputeId } = await disputeMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now: days(NOW, 3), milestoneId, ...opening });
    await expect(withdrawDispute(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: days(NOW, 5), disputeId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await withdrawDispute(db.prisma, { actorId: clientId, idempotencyKey: key(), now: days(NOW, 5), disputeId })).toEqual({ disputeId, status: "WITHDRAWN", targetStatus: "SUBMITTED" });
    const after = await db.prisma.milestone.findUniqueOrThrow({ where: { id: milestoneId } });
    expect(after.status).toBe("SUBMITTED");
    expect(after.reviewDeadline!.getTime() - before.reviewDeadline!.getTime()).toBe(2 * 86_400_000);
  });

  it("of a refund request: withdrawing it leaves the request waiting for its (moved) deadline", async () => {
    const { clientId, freelancerId, milestoneId } = await fundedMilestone();
    await requestRefund(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId, reason: "Plans changed" });
    const { disputeId } = await disputeMilestone(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: days(NOW, 1), milestoneId, ...opening });
    await withdrawDispute(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: days(NOW, 2), disputeId });
    expect(await db.prisma.milestone.findUniqueOrThrow({ where: { id: milestoneId } })).toMatchObject({ status: "REFUND_REQUESTED", refundRequestDeadline: days(NOW, 8) });
  });
});

describe("one effect when everything happens to one milestone at once", () => {
  it("submitted: approve ‖ dispute ‖ automatic approval ‖ contract end", async () => {
    for (let round = 0; round < 3; round++) {
      const { clientId, freelancerId, contractId, milestoneId } = await fundedMilestone({ submit: true });
      const late = days(NOW, 30);
      await Promise.allSettled([
        approveMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now: late, milestoneId }),
        disputeMilestone(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: late, milestoneId, ...opening }),
        autoApproveMilestones(db.prisma, { now: late }),
        endContract(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: late, contractId, reason: "Done", refundEscrow: true }, { gateway }),
      ]);
      const status = await statusOf(milestoneId);
      const payments = await db.prisma.payment.count({ where: { milestoneId } });
      const disputes = await db.prisma.dispute.count({ where: { milestoneId } });
      const escrow = await ledgerBalance(db.prisma, accountKey({ kind: "escrow_milestone", milestoneId }));
      expect({ status, payments, disputes, escrow }).toEqual(
        status === "APPROVED"
          ? { status, payments: 1, disputes: 0, escrow: 0n }
          : status === "DISPUTED"
            ? { status, payments: 0, disputes: 1, escrow: 100_000n }
            : { status: "REFUNDED", payments: 0, disputes: 0, escrow: 0n },
      );
    }
    await assertLedgerHolds(db.prisma);
  });

  it("funded: refund request ‖ dispute ‖ freelancer's refund ‖ approve", async () => {
    for (let round = 0; round < 3; round++) {
      const { clientId, freelancerId, milestoneId } = await fundedMilestone();
      const outcomes = await Promise.allSettled([
        requestRefund(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId, reason: "Changed my mind" }),
        disputeMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId, ...opening }),
        refundMilestone(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, milestoneId }, { gateway }),
        approveMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId }),
      ]);
      // Each later action either applies to the state the earlier one left, or is refused with a sentence.
      for (const outcome of outcomes) if (outcome.status === "rejected") expect((outcome.reason as { code: string }).code).toMatch(/TRANSITION_NOT_ALLOWED|CONFLICT/);
      const escrow = await ledgerBalance(db.prisma, accountKey({ kind: "escrow_milestone", milestoneId }));
      const status = await statusOf(milestoneId);
      expect(escrow).toBe(["REFUNDED", "APPROVED"].includes(status) ? 0n : 100_000n);
    }
    await assertLedgerHolds(db.prisma);
  });

  it("disputed: decision ‖ settlement ‖ withdrawal close it once", async () => {
    for (let round = 0; round < 3; round++) {
      const { clientId, freelancerId, milestoneId } = await fundedMilestone({ submit: true });
      const admin = await makeUser(db.prisma, "ADMIN");
      const { disputeId } = await disputeMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId, ...opening });
      await proposeSplit(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, disputeId, releaseMinor: 50_000n });
      const outcomes = await Promise.allSettled([
        decideDispute(db.prisma, { actorId: admin.id, idempotencyKey: key(), now: NOW, disputeId, outcome: "release", reason: "Delivered." }, { gateway }),
        acceptSplit(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, disputeId, releaseMinor: 50_000n }, { gateway }),
        withdrawDispute(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, disputeId }),
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const dispute = await db.prisma.dispute.findUniqueOrThrow({ where: { id: disputeId } });
      expect(dispute.status).not.toBe("OPEN");
      expect(await db.prisma.payment.count({ where: { milestoneId } })).toBe(dispute.status === "WITHDRAWN" ? 0 : 1);
    }
    await assertLedgerHolds(db.prisma);
  });
});
