import { accountKey } from "@fairlance/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeFixedContract, freshDatabase, key, ledgerBalance, makeUser, makeVerifiedClient, NOW, RecordingGateway, type TestDatabase } from "../../testing";
import { acceptOffer } from "./accept-offer";
import { disputeHourlyWeek } from "./dispute-hourly-week";
import { invoiceHourlyWeeks } from "./invoice-hourly-weeks";
import { logTime } from "./log-time";
import { makeDirectOffer } from "./make-direct-offer";
import { auditRows } from "../../testing/audit";
import { getContract } from "../../read/contract-view";
import { releaseHourlyWeeks } from "./release-hourly-weeks";
import { decideDispute } from "../disputes/decide-dispute";
import { at } from "./test-helpers";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

// NOW is Thursday 26 Nov 2026: the week runs from Monday 23 Nov; invoiced Monday 30 Nov; disputable until Saturday 5 Dec 00:00.
const MONDAY = at("2026-11-30T00:00:00Z");
const DEADLINE = at("2026-12-05T00:00:00Z");
const gateway = new RecordingGateway();

async function hourlyContract(options: { weeklyLimitHours?: number; clientId?: string } = {}) {
  const clientId = options.clientId ?? (await makeVerifiedClient(db.prisma)).id;
  const freelancerId = (await makeUser(db.prisma, "FREELANCER")).id;
  const offer = await makeDirectOffer(db.prisma, {
    actorId: clientId, idempotencyKey: key(), now: NOW, freelancerId, title: "Support", terms: { type: "HOURLY", weeklyLimitHours: options.weeklyLimitHours ?? 10, hourlyRateMinor: 5_000n },
  });
  await acceptOffer(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: NOW, contractId: offer.contractId });
  return { clientId, freelancerId, contractId: offer.contractId };
}

const log = (actorId: string, contractId: string, minutes: number, workedOn = NOW, idempotencyKey = key()) =>
  logTime(db.prisma, { actorId, idempotencyKey, now: NOW, contractId, workedOn, minutes, memo: "Tickets" });

async function invoicedWeek(minutes = 90) {
  const contract = await hourlyContract();
  const logged = await log(contract.freelancerId, contract.contractId, minutes);
  await invoiceHourlyWeeks(db.prisma, { now: MONDAY }, { gateway });
  return { ...contract, weekId: logged.weekId };
}

describe("logTime", () => {
  it("logs into the current week within the weekly limit", async () => {
    const { clientId, freelancerId, contractId } = await hourlyContract();
    const idempotencyKey = key();
    const first = await log(freelancerId, contractId, 90, at("2026-11-23T00:00:00Z"), idempotencyKey);
    expect(first).toMatchObject({ weekStart: at("2026-11-23T00:00:00Z"), workedOn: at("2026-11-23T00:00:00Z"), minutes: 90, weekMinutes: 90 });
    expect(await log(freelancerId, contractId, 90, at("2026-11-23T00:00:00Z"), idempotencyKey)).toEqual(first);
    await expect(log(freelancerId, contractId, 91, at("2026-11-23T00:00:00Z"), idempotencyKey)).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    expect((await log(freelancerId, contractId, 500)).weekMinutes).toBe(590);
    await expect(log(freelancerId, contractId, 11)).rejects.toMatchObject({ code: "WEEKLY_LIMIT_EXCEEDED" });
    expect((await log(freelancerId, contractId, 10)).weekMinutes).toBe(600);

    await expect(log(clientId, contractId, 10)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(log((await makeUser(db.prisma, "FREELANCER")).id, contractId, 10)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(log(freelancerId, contractId, 1, at("2026-11-27T00:00:00Z"))).rejects.toMatchObject({ code: "INVALID_REQUEST" }); // tomorrow
    await expect(log(freelancerId, contractId, 1, at("2026-11-22T12:00:00Z"))).rejects.toMatchObject({ code: "INVALID_REQUEST" }); // last week
  });

  it("caps a day at 24 hours, and refuses fixed contracts and unverified clients (the gate)", async () => {
    const { freelancerId, contractId } = await hourlyContract({ weeklyLimitHours: 40 });
    await log(freelancerId, contractId, 1_000);
    await expect(log(freelancerId, contractId, 441)).rejects.toMatchObject({ code: "INVALID_REQUEST", message: "A day has at most 24 hours to log." });
    const fixed = await activeFixedContract(db.prisma, { clientId: (await makeVerifiedClient(db.prisma)).id, freelancerId, milestones: [5_000n] });
    await expect(log(freelancerId, fixed.contractId, 10)).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    const unverified = await hourlyContract({ clientId: (await makeUser(db.prisma, "CLIENT")).id });
    await expect(log(unverified.freelancerId, unverified.contractId, 10)).rejects.toMatchObject({ code: "WORK_START_GATE_CLOSED", details: { failed: ["client_payment_verified"] } });
  });

  it("never lets concurrent entries pass the weekly limit together", async () => {
    const { freelancerId, contractId } = await hourlyContract({ weeklyLimitHours: 2 });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => log(freelancerId, contractId, 50)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect((await db.prisma.hourlyWeek.findFirstOrThrow({ where: { contractId } })).minutes).toBe(100);
  });
});

describe("invoiceHourlyWeeks", () => {
  it("invoices on the Monday after, hours × rate plus the client fee, once", async () => {
    const { clientId, freelancerId, contractId } = await hourlyContract();
    const { weekId } = await log(freelancerId, contractId, 125); // 2 h 05 at $50 = $104.17
    const empty = await hourlyContract();
    const emptyWeek = await db.prisma.hourlyWeek.create({ data: { contractId: empty.contractId, weekStart: at("2026-11-23T00:00:00Z") } });
    const noCard = await hourlyContract();
    const noCardWeek = await log(noCard.freelancerId, noCard.contractId, 60);
    await db.prisma.paymentMethod.updateMany({ where: { userId: noCard.clientId }, data: { status: "FAILED" } });

    expect(await invoiceHourlyWeeks(db.prisma, { now: at("2026-11-29T23:59:59Z") }, { gateway })).toEqual({ invoiced: [], closed: [], failed: [] });
    const run = await invoiceHourlyWeeks(db.prisma, { now: MONDAY }, { gateway });
    expect(run.invoiced.find((i) => i.weekId === weekId)).toMatchObject({ minutes: 125, amountMinor: 10_417n, clientFeeMinor: 313n, disputeDeadline: DEADLINE });
    expect(run.closed).toContain(emptyWeek.id);
    expect(run.failed).toEqual([{ weekId: noCardWeek.weekId, reason: "Add and verify a payment method before paying." }]);
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "escrow_hourly_invoice", invoiceId: weekId }))).toBe(10_417n);
    expect(await db.prisma.charge.findFirstOrThrow({ where: { purpose: `hourly_week:${weekId}`, userId: clientId } })).toMatchObject({ amountMinor: 10_730n });
    expect(await db.prisma.hourlyWeek.findUniqueOrThrow({ where: { id: emptyWeek.id } })).toMatchObject({ status: "RELEASED", amountMinor: 0n });

    const charges = gateway.charges.length;
    const again = await invoiceHourlyWeeks(db.prisma, { now: MONDAY }, { gateway });
    expect(again.invoiced).toEqual([]);
    expect(gateway.charges.length).toBe(charges);
    // Logging into the invoiced week is no longer possible: it is not the current week.
    await expect(logTime(db.prisma, { actorId: freelancerId, idempotencyKey: key(), now: MONDAY, contractId, workedOn: NOW, minutes: 5, memo: "late" })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    const view = await getContract(db.prisma, contractId, clientId);
    expect(view.hourlyWeeks[0]).toMatchObject({ id: weekId, status: "INVOICED", minutes: 125 });
    expect(view.workStartGate.canStart).toBe(true);
  });

  it("charges a week once when two runs invoice it at the same time", async () => {
    const { freelancerId, contractId } = await hourlyContract();
    const { weekId } = await log(freelancerId, contractId, 30, at("2026-11-24T00:00:00Z"));
    const runs = await Promise.all([invoiceHourlyWeeks(db.prisma, { now: MONDAY }, { gateway }), invoiceHourlyWeeks(db.prisma, { now: at("2026-11-30T00:00:01Z") }, { gateway })]);
    expect(runs.flatMap((run) => run.invoiced).filter((i) => i.weekId === weekId)).toHaveLength(1);
    const charged = gateway.charges.filter((c) => c.idempotencyKey.startsWith(`hourly.invoice:${weekId}:`));
    const refunded = gateway.refunds.filter((r) => r.idempotencyKey.startsWith(`hourly.invoice:${weekId}:`));
    expect(charged.length - refunded.length).toBe(1);
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "escrow_hourly_invoice", invoiceId: weekId }))).toBe(2_500n);
  });
});

describe("disputes and releases", () => {
  it("releases undisputed weeks at the deadline with the tiered fee, once", async () => {
    const { freelancerId, weekId } = await invoicedWeek(90); // $75
    expect((await releaseHourlyWeeks(db.prisma, { now: at("2026-12-04T23:59:59Z") })).released.map((r) => r.weekId)).not.toContain(weekId);
    const run = await releaseHourlyWeeks(db.prisma, { now: DEADLINE });
    expect(run.released.find((r) => r.weekId === weekId)).toMatchObject({ grossMinor: 7_500n, feeMinor: 1_500n, netMinor: 6_000n });
    expect(await releaseHourlyWeeks(db.prisma, { now: DEADLINE })).toEqual({ released: [] });
    expect(await db.prisma.payment.findUniqueOrThrow({ where: { hourlyWeekId: weekId } })).toMatchObject({ kind: "HOURLY", availableAt: at("2026-12-10T00:00:00Z") });
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "freelancer_pending", userId: freelancerId }))).toBe(6_000n);
  });

  it("lets the client dispute until Friday; an admin then releases or refunds, audit-logged", async () => {
    const refundCase = await invoicedWeek(60);
    const releaseCase = await invoicedWeek(120);
    const dispute = { actorId: refundCase.clientId, idempotencyKey: key(), now: at("2026-12-04T23:00:00Z"), weekId: refundCase.weekId, reason: "I did not ask for this" };
    await expect(disputeHourlyWeek(db.prisma, { ...dispute, actorId: refundCase.freelancerId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(disputeHourlyWeek(db.prisma, { ...dispute, actorId: releaseCase.clientId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(disputeHourlyWeek(db.prisma, { ...dispute, now: DEADLINE })).rejects.toMatchObject({ code: "DISPUTE_WINDOW_CLOSED" });
    const disputed = await disputeHourlyWeek(db.prisma, dispute);
    expect(disputed).toMatchObject({ status: "DISPUTED" });
    expect(await disputeHourlyWeek(db.prisma, dispute)).toEqual(disputed);
    await expect(disputeHourlyWeek(db.prisma, { ...dispute, reason: "Other" })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    await expect(disputeHourlyWeek(db.prisma, { ...dispute, idempotencyKey: key() })).rejects.toMatchObject({ code: "HOURLY_WEEK_TRANSITION_NOT_ALLOWED" });
    const other = await disputeHourlyWeek(db.prisma, { ...dispute, idempotencyKey: key(), actorId: releaseCase.clientId, weekId: releaseCase.weekId });
    expect((await releaseHourlyWeeks(db.prisma, { now: DEADLINE })).released.map((r) => r.weekId)).not.toContain(refundCase.weekId);
    expect(await db.prisma.dispute.findUniqueOrThrow({ where: { id: disputed.disputeId } })).toMatchObject({ hourlyWeekId: refundCase.weekId, status: "OPEN", amountMinor: 5_000n, resumeStatus: "INVOICED" });

    const adminId = (await makeUser(db.prisma, "ADMIN")).id;
    const decide = { actorId: adminId, idempotencyKey: key(), now: at("2026-12-07T09:00:00Z"), disputeId: disputed.disputeId, outcome: "refund" as const, reason: "No evidence of work" };
    await expect(decideDispute(db.prisma, { ...decide, actorId: refundCase.clientId }, { gateway })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const refunded = await decideDispute(db.prisma, decide, { gateway });
    expect(refunded).toMatchObject({ status: "DECIDED", outcome: "REFUND", targetStatus: "REFUNDED", payment: null, releasedMinor: 0n, refundedMinor: 5_000n, clientFeeRefundMinor: 150n });
    expect(refunded.cardRefund).toMatchObject({ amountMinor: 5_150n, refundRef: expect.stringMatching(/^re_/), queued: false });
    expect(await decideDispute(db.prisma, decide, { gateway })).toEqual(refunded);
    await expect(decideDispute(db.prisma, { ...decide, outcome: "release" }, { gateway })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    await expect(decideDispute(db.prisma, { ...decide, idempotencyKey: key() }, { gateway })).rejects.toMatchObject({ code: "CONFLICT", message: "This dispute was already decided." });
    expect(gateway.refunds.filter((r) => r.amountMinor === 5_150n)).toHaveLength(2); // one refund, re-sent once under its key by the replay
    expect(await ledgerBalance(db.prisma, accountKey({ kind: "escrow_hourly_invoice", invoiceId: refundCase.weekId }))).toBe(0n);

    const released = await decideDispute(db.prisma, { ...decide, idempotencyKey: key(), disputeId: other.disputeId, outcome: "release", reason: "Work delivered" }, { gateway });
    expect(released).toMatchObject({ status: "DECIDED", targetStatus: "RELEASED", payment: { grossMinor: 10_000n, feeMinor: 2_000n, netMinor: 8_000n }, cardRefund: null });
    const audit = auditRows(await db.prisma.auditLog.findMany({ where: { actorId: adminId }, orderBy: { id: "asc" } }));
    expect(audit.map((a) => [a.action, a.targetId, a.reason, (a.after as { outcome: string }).outcome])).toEqual([
      ["dispute.decide", disputed.disputeId, "No evidence of work", "REFUND"],
      ["dispute.decide", other.disputeId, "Work delivered", "RELEASE"],
    ]);
  });
});
