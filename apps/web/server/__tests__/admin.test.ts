import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COVER_LETTER, freshDatabase, key, type TestDatabase } from "@fairlance/db/testing";
import { appRouter } from "@/server/root";
import { callerFor } from "@/test/callers";
import { people } from "./marketplace-fixtures";

let db: TestDatabase;
let the: Awaited<ReturnType<typeof people>>;
beforeAll(async () => {
  db = await freshDatabase();
  the = await people(db.prisma);
});
afterAll(() => db.drop());

type Caller = ReturnType<typeof callerFor>;
const MISSING = randomUUID();
const FORBIDDEN = { code: "FORBIDDEN" };
const NOT_FOUND = { code: "NOT_FOUND" };

/** Every admin procedure, called with a well-formed input. */
const ADMIN_CALLS: Record<string, (caller: Caller) => Promise<unknown>> = {
  "admin.settings.list": (c) => c.admin.settings.list(),
  "admin.settings.history": (c) => c.admin.settings.history({ key: "connectPriceMinor" }),
  "admin.settings.impact": (c) => c.admin.settings.impact({ key: "connectPriceMinor", value: 20n, effectiveFrom: null }),
  "admin.settings.change": (c) => c.admin.settings.change({ idempotencyKey: key(), key: "boostSlots", value: 5, effectiveFrom: null, reason: "Try five slots" }),
  "admin.people.list": (c) => c.admin.people.list({}),
  "admin.people.createAdmin": (c) => c.admin.people.createAdmin({ idempotencyKey: key(), email: `admin-${key()}@fairlance.test`, name: "Second Admin", initialPassword: "a long enough password", reason: "Weekend cover" }),
  "admin.people.get": (c) => c.admin.people.get({ userId: MISSING }),
  "admin.people.grantConnects": (c) => c.admin.people.grantConnects({ idempotencyKey: key(), freelancerId: MISSING, connects: 5, reason: "Goodwill" }),
  "admin.people.revokeConnects": (c) => c.admin.people.revokeConnects({ idempotencyKey: key(), freelancerId: MISSING, connects: 5, reason: "Mistake" }),
  "admin.people.awardRisingTalent": (c) => c.admin.people.awardRisingTalent({ idempotencyKey: key(), freelancerId: MISSING, reason: "Great start" }),
  "admin.people.suspend": (c) => c.admin.people.suspend({ idempotencyKey: key(), userId: MISSING, reason: "Fake reviews" }),
  "admin.people.unsuspend": (c) => c.admin.people.unsuspend({ idempotencyKey: key(), userId: MISSING, reason: "Cleared up" }),
  "admin.people.holdPayouts": (c) => c.admin.people.holdPayouts({ idempotencyKey: key(), userId: MISSING, reason: "Chargebacks" }),
  "admin.people.releasePayouts": (c) => c.admin.people.releasePayouts({ idempotencyKey: key(), userId: MISSING, reason: "Cleared up" }),
  "admin.people.endSessions": (c) => c.admin.people.endSessions({ idempotencyKey: key(), userId: MISSING, reason: "Stolen session" }),
  "admin.moderation.jobs": (c) => c.admin.moderation.jobs({}),
  "admin.moderation.removeJob": (c) => c.admin.moderation.removeJob({ jobId: MISSING, idempotencyKey: key(), reason: "Scam job" }),
  "admin.moderation.flagged": (c) => c.admin.moderation.flagged({}),
  "admin.moderation.reviewFlag": (c) => c.admin.moderation.reviewFlag({ messageId: MISSING, idempotencyKey: key(), reason: "Looked fine" }),
  "admin.moderation.removeMessage": (c) => c.admin.moderation.removeMessage({ messageId: MISSING, idempotencyKey: key(), reason: "A payment scam" }),
  "admin.moderation.warnSender": (c) => c.admin.moderation.warnSender({ messageId: MISSING, idempotencyKey: key(), reason: "A payment scam" }),
  "admin.moderation.suspendSender": (c) => c.admin.moderation.suspendSender({ messageId: MISSING, idempotencyKey: key(), reason: "A payment scam" }),
  "admin.ledger.transfers": (c) => c.admin.ledger.transfers({}),
  "admin.ledger.connectEntries": (c) => c.admin.ledger.connectEntries({}),
  "admin.ledger.checkInvariants": (c) => c.admin.ledger.checkInvariants(),
  "admin.ledger.invariantChecks": (c) => c.admin.ledger.invariantChecks(),
  "admin.ledger.runInvariantCheck": (c) => c.admin.ledger.runInvariantCheck({ id: "7.1-zero-sum" }),
  "admin.ledger.revenue": (c) => c.admin.ledger.revenue({}),
  "admin.ledger.gatewayFollowUp": (c) => c.admin.ledger.gatewayFollowUp(),
  "admin.ledger.reconcile": (c) => c.admin.ledger.reconcile({}),
  "admin.disputes.list": (c) => c.admin.disputes.list(),
  "admin.disputes.decide": (c) => c.admin.disputes.decide({ idempotencyKey: key(), disputeId: MISSING, outcome: "refund", reason: "Nothing delivered" }),
  "admin.audit.search": (c) => c.admin.audit.search({}),
  "admin.runs.list": (c) => c.admin.runs.list({}),
  "admin.feedback.list": (c) => c.admin.feedback.list({}),
  "admin.feedback.hide": (c) => c.admin.feedback.hide({ feedbackId: MISSING, idempotencyKey: key(), reason: "Personal details" }),
  "admin.feedback.unhide": (c) => c.admin.feedback.unhide({ feedbackId: MISSING, idempotencyKey: key(), reason: "Checked again" }),
};
/** Procedures acting on one object: an id that does not exist is NOT_FOUND, even for an admin. */
const ON_AN_OBJECT = [
  "admin.people.get",
  "admin.people.grantConnects",
  "admin.people.revokeConnects",
  "admin.people.awardRisingTalent",
  "admin.people.suspend",
  "admin.people.unsuspend",
  "admin.people.holdPayouts",
  "admin.people.releasePayouts",
  "admin.people.endSessions",
  "admin.moderation.removeJob",
  "admin.moderation.reviewFlag",
  "admin.moderation.removeMessage",
  "admin.moderation.warnSender",
  "admin.moderation.suspendSender",
  "admin.disputes.decide",
  "admin.feedback.hide",
  "admin.feedback.unhide",
];

describe("admin procedures: who may call them", () => {
  it("lists every admin procedure of the app router in this test", () => {
    const procedures = Object.keys(appRouter._def.procedures).filter((path) => path.startsWith("admin."));
    expect(procedures.sort()).toEqual(Object.keys(ADMIN_CALLS).sort());
  });

  it("refuses clients and freelancers on every admin procedure, and changes nothing", async () => {
    const versions = await db.prisma.settingVersion.count();
    for (const [path, call] of Object.entries(ADMIN_CALLS)) {
      for (const caller of [the.callers.client, the.callers.freelancer]) {
        await expect(call(caller), path).rejects.toMatchObject({ ...FORBIDDEN, message: "Only admins can do this." });
      }
    }
    expect(await db.prisma.settingVersion.count()).toBe(versions);
    expect(await db.prisma.auditLog.count()).toBe(0);
  });

  it("answers an admin, and NOT_FOUND for objects that do not exist", async () => {
    for (const [path, call] of Object.entries(ADMIN_CALLS)) {
      if (ON_AN_OBJECT.includes(path)) await expect(call(the.callers.admin), path).rejects.toMatchObject(NOT_FOUND);
      else await expect(call(the.callers.admin), path).resolves.toBeDefined();
    }
    // Connects are for freelancers: a client's id is not a freelancer's.
    await expect(the.callers.admin.admin.people.grantConnects({ idempotencyKey: key(), freelancerId: the.users.client.id, connects: 1, reason: "Goodwill" })).rejects.toMatchObject(NOT_FOUND);
  });
});

describe("admin procedures: what they do", () => {
  it("changes a setting with a reason and shows it in the history, the settings list and the audit log", async () => {
    const admin = the.callers.admin.admin;
    const impact = await admin.settings.impact({ key: "connectPriceMinor", value: 20n, effectiveFrom: null });
    expect(impact.bundles[0]).toEqual({ size: 10, priceBeforeMinor: 150n, priceAfterMinor: 200n });
    await expect(admin.settings.change({ idempotencyKey: key(), key: "connectPriceMinor", value: -5n, effectiveFrom: null, reason: "Negative?" })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: "Connect price: An amount cannot be negative.",
    });
    await admin.settings.change({ idempotencyKey: key(), key: "connectPriceMinor", value: 20n, effectiveFrom: null, reason: "Cover processing costs" });
    expect((await admin.settings.list()).find((s) => s.key === "connectPriceMinor")).toMatchObject({ value: 20n, display: "$0.20", isDefault: false });
    expect(await admin.settings.history({ key: "connectPriceMinor" })).toEqual([
      expect.objectContaining({ by: expect.objectContaining({ id: the.users.admin.id }), reason: "Cover processing costs", before: "$0.15", after: "$0.20" }),
    ]);
    expect((await admin.audit.search({ action: "setting" })).rows[0]).toMatchObject({ targetId: "connectPriceMinor", reason: "Cover processing costs" });
    // The freelancer's bundles follow the new price.
    expect((await the.callers.freelancer.connects.overview()).bundles[0]).toEqual({ size: 10, priceMinor: 200n });
  });

  it("grants, revokes, awards Rising Talent and suspends, as the people panel shows", async () => {
    const admin = the.callers.admin.admin;
    const freelancerId = the.users.freelancer.id;
    expect(await admin.people.grantConnects({ idempotencyKey: key(), freelancerId, connects: 12, reason: "Goodwill" })).toMatchObject({ balanceAfter: 12 });
    expect(await admin.people.revokeConnects({ idempotencyKey: key(), freelancerId, connects: 2, reason: "Granted twice" })).toMatchObject({ balanceAfter: 10 });
    expect(await admin.people.awardRisingTalent({ idempotencyKey: key(), freelancerId, reason: "Great first month" })).toMatchObject({ connects: 30, balance: 40 });
    await admin.people.suspend({ idempotencyKey: key(), userId: freelancerId, reason: "Fake reviews reported" });
    const detail = await admin.people.get({ userId: freelancerId });
    expect(detail).toMatchObject({ connectsBalance: 40, suspendedReason: "Fake reviews reported", risingTalentAt: expect.any(Date) });
    expect(detail.recentAudit.map((a) => a.action)).toEqual(["user.suspend", "connects.rising_talent.award", "connects.revoke", "connects.grant"]);
    const jobId = await the.job();
    // The suspension ended her session; signed in again, she is told why she cannot propose.
    const submit = { jobId, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n };
    await expect(the.callers.freelancer.proposal.submit(submit)).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "Your session has ended. Sign in again." });
    the.callers.freelancer = callerFor(db.prisma, { ...the.users.freelancer, sessionVersion: 1 });
    await expect(the.callers.freelancer.proposal.submit(submit)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("Fake reviews reported"),
    });
    expect((await admin.people.list({ query: the.users.freelancer.email, role: "FREELANCER" })).users).toEqual([expect.objectContaining({ id: freelancerId })]);
    await admin.people.unsuspend({ idempotencyKey: key(), userId: freelancerId, reason: "Reviews were genuine" });
  });

  it("removes a job (refunding proposals), reviews flagged messages, browses the ledger and runs the invariant check", async () => {
    const admin = the.callers.admin.admin;
    const jobId = await the.job();
    await the.grant(the.users.otherFreelancer.id, 20);
    const { proposalId } = await the.callers.otherFreelancer.proposal.submit({ jobId, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n });
    const sent = await the.callers.otherFreelancer.message.send({ proposalId, idempotencyKey: key(), body: "Pay me in crypto, write to sam@example.com" });
    expect((await admin.moderation.jobs({ query: "landing" })).rows.map((r) => r.id)).toContain(jobId);
    expect(await admin.moderation.removeJob({ jobId, idempotencyKey: key(), reason: "Asks for free work" })).toMatchObject({ status: "REMOVED", connectsRefunded: 6 });
    // Every job, not only open ones: by status, by client, by text, a page at a time.
    const removed = await admin.moderation.jobs({ status: "REMOVED" });
    expect(removed.rows.map((r) => r.id)).toContain(jobId);
    expect(removed.rows.every((r) => r.status === "REMOVED")).toBe(true);
    expect((await admin.moderation.jobs({ status: "OPEN" })).rows.map((r) => r.id)).not.toContain(jobId);
    expect((await admin.moderation.jobs({})).rows.map((r) => r.id)).toContain(jobId);
    const byClient = await admin.moderation.jobs({ client: the.users.client.email });
    expect(byClient.rows.length).toBeGreaterThan(0);
    expect(byClient.rows.every((r) => r.client.email === the.users.client.email)).toBe(true);
    expect((await admin.moderation.jobs({ client: "nobody-by-this-name" })).total).toBe(0);
    expect((await admin.moderation.flagged({})).waiting.map((m) => m.id)).toContain(sent.messageId);
    await admin.moderation.reviewFlag({ messageId: sent.messageId, idempotencyKey: key(), reason: "Nothing wrong after all" });
    const flagged = await admin.moderation.flagged({});
    expect(flagged.waiting.map((m) => m.id)).not.toContain(sent.messageId);
    expect(flagged.reviewed.map((m) => m.id)).toContain(sent.messageId);
    const entries = await admin.ledger.connectEntries({ jobId });
    expect(entries.rows.map((r) => r.delta).sort()).toEqual([-6, 6]);
    const purchases = await admin.ledger.transfers({ accountKey: "platform_revenue" });
    expect(purchases.total).toBe(0);
    const report = await admin.ledger.checkInvariants();
    expect(report).toMatchObject({ ok: true });
    // The page runs the same checks one by one: the same list, each with the same verdict, and its time.
    const { checks, transfers } = await admin.ledger.invariantChecks();
    expect(checks).toEqual(report.checks.map(({ id, title }) => ({ id, title })));
    expect(transfers).toBe(report.transfers);
    for (const check of report.checks) expect(await admin.ledger.runInvariantCheck({ id: check.id })).toEqual({ ...check, ms: expect.any(Number) });
    await expect(admin.ledger.runInvariantCheck({ id: "7.9-nothing" } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await admin.ledger.revenue({ weeks: 4 })).toEqual([]);
    expect(await admin.runs.list({})).toEqual({ runs: [], failedJobs: [] });
  });
});
