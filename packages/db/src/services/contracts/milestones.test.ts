import { accountKey } from "@fairlance/rules";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_CARDS } from "../../gateway/sandbox";
import { activeFixedContract, assertLedgerHolds, freshDatabase, key, ledgerBalance, makeUser, makeVerifiedClient, NOW, RecordingGateway, type TestDatabase } from "../../testing";
import { addPaymentMethod } from "../payments/add-payment-method";
import { addMilestone } from "./add-milestone";
import { approveMilestone } from "./approve-milestone";
import { autoApproveMilestones } from "./auto-approve-milestones";
import { fundMilestone } from "./fund-milestone";
import { makeDirectOffer } from "./make-direct-offer";
import { decodeTyped } from "../../codec/typed-json";
import { refundMilestone } from "./refund-milestone";
import { requestChanges } from "./request-changes";
import { submitWork } from "./submit-work";
import { at } from "./test-helpers";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

async function pair(milestones: bigint[] = [100_000n]) {
  const clientId = (await makeVerifiedClient(db.prisma)).id;
  const freelancerId = (await makeUser(db.prisma, "FREELANCER")).id;
  const offer = await activeFixedContract(db.prisma, { clientId, freelancerId, milestones });
  return { clientId, freelancerId, contractId: offer.contractId, milestoneIds: offer.milestoneIds };
}

const fund = (gateway: RecordingGateway, actorId: string, milestoneId: string, idempotencyKey = key()) =>
  fundMilestone(db.prisma, { actorId, idempotencyKey, now: NOW, milestoneId }, { gateway });

describe("addMilestone", () => {
  it("adds the next milestone to an offer or active contract, at least the minimum", async () => {
    const { clientId, freelancerId, contractId } = await pair([10_000n]);
    const input = { actorId: clientId, idempotencyKey: key(), now: NOW, contractId, milestone: { title: "Extra", amountMinor: 500n } };
    const added = await addMilestone(db.prisma, input);
    expect(added).toMatchObject({ position: 2, amountMinor: 500n, status: "CREATED" });
    expect(await addMilestone(db.prisma, input)).toEqual(added);
    await expect(addMilestone(db.prisma, { ...input, milestone: { title: "Extra", amountMinor: 600n } })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    const again = { ...input, idempotencyKey: key() };
    await expect(addMilestone(db.prisma, { ...again, milestone: { title: "Tiny", amountMinor: 499n } })).rejects.toMatchObject({ code: "MILESTONE_BELOW_MINIMUM" });
    await expect(addMilestone(db.prisma, { ...again, actorId: freelancerId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(addMilestone(db.prisma, { ...again, actorId: (await makeVerifiedClient(db.prisma)).id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.prisma.contract.update({ where: { id: contractId }, data: { status: "ENDED" } });
    await expect(addMilestone(db.prisma, again)).rejects.toMatchObject({ code: "CONTRACT_NOT_ACTIVE" });
  });
});

describe("fundMilestone", () => {
  it("charges amount + 3% client fee and holds the amount in escrow", async () => {
    const gateway = new RecordingGateway();
    const { clientId, milestoneIds } = await pair([100_000n]);
    const idempotencyKey = key();
    const funded = await fund(gateway, clientId, milestoneIds[0]!, idempotencyKey);
    expect(funded).toMatchObject({ status: "FUNDED", amountMinor: 100_000n, clientFeeMinor: 3_000n, chargedMinor: 103_000n, fundedAt: NOW });
    expect(gateway.charges.map((c) => c.amountMinor)).toEqual([103_000n]);
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "escrow_milestone", milestoneId: milestoneIds[0]! }))).toBe(100_000n);
    expect(await db.prisma.charge.findFirstOrThrow({ where: { purpose: `milestone:${milestoneIds[0]}` } })).toMatchObject({ amountMinor: 103_000n, gatewayRef: funded.chargeRef });

    // Replay: the same result and no second charge; another request under the key is refused.
    expect(await fund(gateway, clientId, milestoneIds[0]!, idempotencyKey)).toEqual(funded);
    expect(gateway.charges).toHaveLength(1);
    await expect(fund(gateway, clientId, (await pair()).milestoneIds[0]!, idempotencyKey)).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    // Funding it again is refused before charging.
    await expect(fund(gateway, clientId, milestoneIds[0]!)).rejects.toMatchObject({ code: "MILESTONE_TRANSITION_NOT_ALLOWED" });
    expect(gateway.charges).toHaveLength(1);
  });

  it("needs a verified card, reports declines, and refuses strangers and freelancers", async () => {
    const gateway = new RecordingGateway();
    const freelancerId = (await makeUser(db.prisma, "FREELANCER")).id;
    const unverified = (await makeUser(db.prisma, "CLIENT")).id;
    const offer = await makeDirectOffer(db.prisma, {
      actorId: unverified, idempotencyKey: key(), now: NOW, freelancerId, title: "T", terms: { type: "FIXED", milestones: [{ title: "M", amountMinor: 5_000n }] },
    });
    const milestoneId = offer.milestoneIds[0]!;
    await expect(fund(gateway, unverified, milestoneId)).rejects.toMatchObject({ code: "PAYMENT_METHOD_REQUIRED" });
    await addPaymentMethod(db.prisma, { actorId: unverified, idempotencyKey: key(), now: NOW, card: { number: SANDBOX_CARDS.declines, expMonth: 1, expYear: 2030, cvc: "123" } });
    await expect(fund(gateway, unverified, milestoneId)).rejects.toMatchObject({ code: "PAYMENT_DECLINED", message: "Visa …0002: The card was declined by its bank." });
    await expect(fund(gateway, freelancerId, milestoneId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(fund(gateway, (await makeVerifiedClient(db.prisma)).id, milestoneId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(fund(gateway, unverified, randomUUID())).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(gateway.charges).toHaveLength(0);
    expect((await db.prisma.milestone.findUniqueOrThrow({ where: { id: milestoneId } })).status).toBe("CREATED");
  });

  it("funds once when two requests race, refunding the loser's charge", async () => {
    const gateway = new RecordingGateway();
    const { clientId, milestoneIds } = await pair([20_000n]);
    const results = await Promise.allSettled([fund(gateway, clientId, milestoneIds[0]!), fund(gateway, clientId, milestoneIds[0]!)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "MILESTONE_TRANSITION_NOT_ALLOWED" } });
    // Either the loser was stopped before charging, or its charge was given back.
    expect(gateway.charges.length - gateway.refunds.length).toBe(1);
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "escrow_milestone", milestoneId: milestoneIds[0]! }))).toBe(20_000n);
    expect(await db.prisma.charge.count({ where: { purpose: `milestone:${milestoneIds[0]}` } })).toBe(1);
  });
});

describe("submitWork and requestChanges", () => {
  it("keeps the work-start gate closed until the milestone is funded, then runs the review window", async () => {
    const gateway = new RecordingGateway();
    const { clientId, freelancerId, milestoneIds } = await pair([10_000n]);
    const milestoneId = milestoneIds[0]!;
    const submit = { actorId: freelancerId, idempotencyKey: key(), now: NOW, milestoneId, note: "Done" };
    await expect(submitWork(db.prisma, submit)).rejects.toMatchObject({ code: "WORK_START_GATE_CLOSED", details: { failed: ["milestone_funded"] } });
    await fund(gateway, clientId, milestoneId);
    await expect(submitWork(db.prisma, { ...submit, actorId: clientId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const submitted = await submitWork(db.prisma, submit);
    expect(submitted).toEqual({ milestoneId, status: "SUBMITTED", submittedAt: NOW, reviewDeadline: at("2026-12-10T10:00:00Z") });
    expect(await submitWork(db.prisma, submit)).toEqual(submitted);
    await expect(submitWork(db.prisma, { ...submit, note: "Other" })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    await expect(submitWork(db.prisma, { ...submit, idempotencyKey: key() })).rejects.toMatchObject({ code: "MILESTONE_TRANSITION_NOT_ALLOWED" });

    const changes = { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId, message: "Bigger logo" };
    await expect(requestChanges(db.prisma, { ...changes, actorId: freelancerId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(requestChanges(db.prisma, { ...changes, actorId: (await makeVerifiedClient(db.prisma)).id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const requested = await requestChanges(db.prisma, changes);
    expect(requested).toEqual({ milestoneId, status: "CHANGES_REQUESTED", changesRequested: 1 });
    expect(await requestChanges(db.prisma, changes)).toEqual(requested);
    await expect(requestChanges(db.prisma, { ...changes, idempotencyKey: key() })).rejects.toMatchObject({ code: "MILESTONE_TRANSITION_NOT_ALLOWED" });
    // Resubmission restarts the 14-day window from its own time.
    const later = at("2026-12-01T08:00:00Z");
    expect((await submitWork(db.prisma, { ...submit, idempotencyKey: key(), now: later })).reviewDeadline).toEqual(at("2026-12-15T08:00:00Z"));
    expect(await autoApproveMilestones(db.prisma, { now: at("2026-12-10T10:00:00Z") })).toEqual({ approved: [] });
  });

  it("names every failed check when the client is not payment verified", async () => {
    const clientId = (await makeUser(db.prisma, "CLIENT")).id;
    const freelancerId = (await makeUser(db.prisma, "FREELANCER")).id;
    const { milestoneIds } = await activeFixedContract(db.prisma, { clientId, freelancerId, milestones: [5_000n] });
    await expect(submitWork(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, milestoneId: milestoneIds[0]! })).rejects.toMatchObject({
      code: "WORK_START_GATE_CLOSED",
      details: { failed: ["client_payment_verified", "milestone_funded"] },
    });
  });
});

describe("approveMilestone, refundMilestone, autoApproveMilestones", () => {
  it("releases $1,000 to a new client relationship: $150 fee, $850 pending (economy.md §3.5)", async () => {
    const gateway = new RecordingGateway();
    const { clientId, freelancerId, milestoneIds } = await pair([100_000n]);
    const milestoneId = milestoneIds[0]!;
    await fund(gateway, clientId, milestoneId);
    const input = { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId };
    await expect(approveMilestone(db.prisma, { ...input, actorId: freelancerId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(approveMilestone(db.prisma, { ...input, actorId: (await makeVerifiedClient(db.prisma)).id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const approved = await approveMilestone(db.prisma, input);
    expect(approved).toMatchObject({
      status: "APPROVED",
      payment: { grossMinor: 100_000n, feeMinor: 15_000n, netMinor: 85_000n, priorBilledMinor: 0n, availableAt: at("2026-12-01T10:00:00Z") },
    });
    expect(await approveMilestone(db.prisma, input)).toEqual(approved);
    await expect(approveMilestone(db.prisma, { ...input, milestoneId: randomUUID() })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    await expect(approveMilestone(db.prisma, { ...input, idempotencyKey: key() })).rejects.toMatchObject({ code: "MILESTONE_TRANSITION_NOT_ALLOWED" });
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "freelancer_pending", userId: freelancerId }))).toBe(85_000n);
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "escrow_milestone", milestoneId }))).toBe(0n);
    const payment = await db.prisma.payment.findUniqueOrThrow({ where: { milestoneId } });
    expect(payment).toMatchObject({ kind: "MILESTONE", feeMinor: 15_000n, netMinor: 85_000n });
    expect(decodeTyped(payment.feeBands)).toMatchObject([{ index: 0, partMinor: 50_000n, feeMinor: 10_000n }, { index: 1, partMinor: 50_000n, feeMinor: 5_000n }]);
    expect(await db.prisma.billing.findUniqueOrThrow({ where: { clientId_freelancerId: { clientId, freelancerId } } })).toMatchObject({ billedMinor: 100_000n });
  });

  it("refuses approval of an unfunded milestone", async () => {
    const { clientId, milestoneIds } = await pair([10_000n]);
    await expect(approveMilestone(db.prisma, { actorId: clientId, idempotencyKey: key(), now: NOW, milestoneId: milestoneIds[0]! })).rejects.toMatchObject({
      code: "MILESTONE_TRANSITION_NOT_ALLOWED",
    });
  });

  it("refunds escrow and the client fee to the card when the freelancer gives it back, once", async () => {
    const gateway = new RecordingGateway();
    const { clientId, freelancerId, milestoneIds } = await pair([10_000n]);
    const milestoneId = milestoneIds[0]!;
    const input = { actorId: freelancerId, idempotencyKey: key(), now: NOW, milestoneId };
    await expect(refundMilestone(db.prisma, input, { gateway })).rejects.toMatchObject({ code: "MILESTONE_TRANSITION_NOT_ALLOWED" });
    const funded = await fund(gateway, clientId, milestoneId);
    // Escrow is not the client's to take back: the client asks (requestRefund).
    await expect(refundMilestone(db.prisma, { ...input, actorId: clientId }, { gateway })).rejects.toMatchObject({ code: "FORBIDDEN", message: "Only freelancers can give escrow back." });
    const refunded = await refundMilestone(db.prisma, input, { gateway });
    expect(refunded).toMatchObject({ status: "REFUNDED", cardRefund: { amountMinor: 10_300n, failureReason: null, queued: false } });
    expect(await refundMilestone(db.prisma, input, { gateway })).toEqual(refunded);
    await expect(refundMilestone(db.prisma, { ...input, milestoneId: randomUUID() }, { gateway })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect(new Set(gateway.refunds.map((r) => r.idempotencyKey)).size).toBe(1);
    expect(gateway.refunds[0]).toMatchObject({ chargeRef: funded.chargeRef, amountMinor: 10_300n });
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "escrow_milestone", milestoneId }))).toBe(0n);
    await expect(approveMilestone(db.prisma, { ...input, actorId: clientId, idempotencyKey: key() })).rejects.toMatchObject({ code: "MILESTONE_TRANSITION_NOT_ALLOWED" });
  });

  it("approves automatically when the review window ends, once", async () => {
    const gateway = new RecordingGateway();
    const { clientId, freelancerId, milestoneIds } = await pair([40_000n]);
    const milestoneId = milestoneIds[0]!;
    await fund(gateway, clientId, milestoneId);
    await submitWork(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, milestoneId });
    const notYet = await autoApproveMilestones(db.prisma, { now: at("2026-12-10T09:59:59Z") });
    expect(notYet.approved.map((a) => a.milestoneId)).not.toContain(milestoneId);
    const due = at("2026-12-10T10:00:00Z");
    const run = await autoApproveMilestones(db.prisma, { now: due });
    expect(run.approved.find((a) => a.milestoneId === milestoneId)).toMatchObject({ grossMinor: 40_000n, feeMinor: 8_000n, netMinor: 32_000n });
    expect(await autoApproveMilestones(db.prisma, { now: due })).toEqual({ approved: [] });
    expect(await db.prisma.milestone.findUniqueOrThrow({ where: { id: milestoneId } })).toMatchObject({ status: "APPROVED", autoApproved: true, approvedAt: due });
  });
});

describe("one effect when the same milestone is approved and refunded at once", () => {
  it.each([
    ["approve ‖ approve", ["approve", "approve"]],
    ["approve ‖ refund", ["approve", "refund"]],
  ] as const)("%s", async (_name, actions) => {
    const gateway = new RecordingGateway();
    const { clientId, freelancerId, milestoneIds } = await pair([60_000n]);
    const milestoneId = milestoneIds[0]!;
    await fund(gateway, clientId, milestoneId);
    const input = { now: NOW, milestoneId };
    const results = await Promise.allSettled(
      actions.map((action) =>
        action === "approve"
          ? approveMilestone(db.prisma, { ...input, actorId: clientId, idempotencyKey: key() })
          : refundMilestone(db.prisma, { ...input, actorId: freelancerId, idempotencyKey: key() }, { gateway }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "MILESTONE_TRANSITION_NOT_ALLOWED" } });
    const milestone = await db.prisma.milestone.findUniqueOrThrow({ where: { id: milestoneId } });
    const payments = await db.prisma.payment.count({ where: { milestoneId } });
    const pending = await ledgerBalance(db.prisma, accountKey({ kind: "freelancer_pending", userId: freelancerId }));
    if (milestone.status === "APPROVED") {
      expect([payments, pending, gateway.refunds.length]).toEqual([1, 49_000n, 0]); // $600: $100 + $10 fee
    } else {
      expect([payments, pending, gateway.refunds.length]).toEqual([0, 0n, 1]);
    }
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "escrow_milestone", milestoneId }))).toBe(0n);
    await assertLedgerHolds(db.prisma);
  });
});
