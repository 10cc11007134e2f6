import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COVER_LETTER, freelancerWithConnects, freshDatabase, key, makeUser, openJob, type TestDatabase } from "../../testing";
import { listMyReports, listReportQueue } from "../../read/reports";
import { wordAudit } from "../../read/audit-wording";
import { auditRows } from "../../testing/audit";
import { submitProposal } from "../jobs/submit-proposal";
import { sendMessage } from "../messages/send-message";
import { createReport } from "./create-report";
import { resolveReports } from "./resolve-reports";

// Reports (economy.md §5.2): who may report what, once; the throttle; the queue by priority; each
// decision and its effects, told to every reporter and to the owner; replays and races.
let db: TestDatabase;
let client: string;
let otherClient: string;
let reporter: string;
let secondReporter: string;
let scammer: string;
let admin: string;
let jobId: string;
let proposalId: string;
const now = new Date("2026-12-01T09:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const reason = "It asks for a deposit before any work";

const connectsOf = async (userId: string) =>
  (await db.prisma.connectLot.aggregate({ where: { userId }, _sum: { remaining: true } }))._sum.remaining ?? 0;
const notificationsOf = (userId: string, kind: string) => db.prisma.notification.findMany({ where: { userId, kind }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  db = await freshDatabase();
  client = (await makeUser(db.prisma, "CLIENT", { name: "Carol Client" })).id;
  otherClient = (await makeUser(db.prisma, "CLIENT", { name: "Olga Other" })).id;
  reporter = (await freelancerWithConnects(db.prisma, 40, now, { name: "Fran Reporter" })).id;
  secondReporter = (await freelancerWithConnects(db.prisma, 40, now, { name: "Rita Second" })).id;
  scammer = (await makeUser(db.prisma, "CLIENT", { name: "Sid Scammer" })).id;
  admin = (await makeUser(db.prisma, "ADMIN")).id;
  jobId = await openJob(db.prisma, client, now, { title: "Logo for a bakery" });
  ({ proposalId } = await submitProposal(db.prisma, { jobId, actorId: reporter, now, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n }));
});
afterAll(() => db.drop());

describe("report.create", () => {
  it("takes a freelancer's report of a job they can see, once", async () => {
    const report = await createReport(db.prisma, { actorId: secondReporter, now, objectKind: "JOB", objectId: jobId, reason: "spam", note: "  Same text on ten jobs.  " });
    expect(report).toMatchObject({ objectKind: "JOB", objectId: jobId, reason: "spam", sentence: "Reported — we'll tell you what we decide." });
    const stored = await db.prisma.report.findUniqueOrThrow({ where: { id: report.reportId } });
    expect(stored).toMatchObject({ reporterId: secondReporter, ownerId: client, note: "Same text on ten jobs.", status: "OPEN", outcome: null });
    await expect(createReport(db.prisma, { actorId: secondReporter, now: at(1), objectKind: "JOB", objectId: jobId, reason: "scam" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "You already reported this job; we'll tell you what we decide.",
    });
    expect(await db.prisma.report.count({ where: { reporterId: secondReporter } })).toBe(1);
  });

  it("refuses one's own object, and what the person cannot see as if it did not exist", async () => {
    await expect(createReport(db.prisma, { actorId: reporter, now, objectKind: "PROPOSAL", objectId: proposalId, reason: "spam" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You cannot report your own proposal.",
    });
    await expect(createReport(db.prisma, { actorId: reporter, now, objectKind: "PROFILE", objectId: reporter, reason: "spam" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A client does not browse other clients' jobs; a freelancer does not see proposals; another client does not see this proposal.
    await expect(createReport(db.prisma, { actorId: otherClient, now, objectKind: "JOB", objectId: jobId, reason: "spam" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "This job does not exist." });
    await expect(createReport(db.prisma, { actorId: secondReporter, now, objectKind: "PROPOSAL", objectId: proposalId, reason: "spam" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "This proposal does not exist." });
    await expect(createReport(db.prisma, { actorId: otherClient, now, objectKind: "PROPOSAL", objectId: proposalId, reason: "spam" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createReport(db.prisma, { actorId: reporter, now, objectKind: "JOB", objectId: "00000000-0000-4000-8000-000000000000", reason: "spam" })).rejects.toMatchObject({ code: "NOT_FOUND", message: "This job does not exist." });
    // An admin does not report; they decide.
    await expect(createReport(db.prisma, { actorId: admin, now, objectKind: "PROFILE", objectId: client, reason: "spam" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A draft is nobody's to see.
    const draft = await db.prisma.job.create({ data: { clientId: client, title: "Draft job", description: "A draft nobody sees yet.", type: "FIXED", budgetMinor: 10_000n, durationDays: 5, experienceLevel: "ENTRY", status: "DRAFT", createdAt: now } }).catch(() => null);
    if (draft) await expect(createReport(db.prisma, { actorId: reporter, now, objectKind: "JOB", objectId: draft.id, reason: "spam" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("checks the reason and the note", async () => {
    await expect(createReport(db.prisma, { actorId: reporter, now, objectKind: "PROFILE", objectId: client, reason: "other" })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      details: { issues: [expect.objectContaining({ path: "note", message: "Say what is wrong: you chose “Something else”." })] },
    });
    await expect(createReport(db.prisma, { actorId: reporter, now, objectKind: "PROFILE", objectId: client, reason: "rude" as never })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    await expect(createReport(db.prisma, { actorId: reporter, now, objectKind: "PROFILE", objectId: client, reason: "spam", note: "x".repeat(1_001) })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
  });

  it("lets either party report a message they received, not one they sent", async () => {
    const sent = await sendMessage(db.prisma, { proposalId, actorId: client, now: at(2), idempotencyKey: key(), body: "Send me a deposit first, then I pay outside the platform" });
    await expect(createReport(db.prisma, { actorId: client, now: at(3), objectKind: "MESSAGE", objectId: sent.messageId, reason: "spam" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createReport(db.prisma, { actorId: secondReporter, now: at(3), objectKind: "MESSAGE", objectId: sent.messageId, reason: "spam" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const report = await createReport(db.prisma, { actorId: reporter, now: at(3), objectKind: "MESSAGE", objectId: sent.messageId, reason: "off_platform" });
    expect(report.objectKind).toBe("MESSAGE");
  });

  it("allows 10 reports in 24 hours, then says when the person can report again", async () => {
    const busy = (await freelancerWithConnects(db.prisma, 0, now, { name: "Busy Reporter" })).id;
    const targets = await Promise.all(Array.from({ length: 11 }, (_, i) => makeUser(db.prisma, "CLIENT", { name: `Target ${i}` })));
    for (let i = 0; i < 10; i++) await createReport(db.prisma, { actorId: busy, now: at(i), objectKind: "PROFILE", objectId: targets[i]!.id, reason: "misleading" });
    await expect(createReport(db.prisma, { actorId: busy, now: at(60), objectKind: "PROFILE", objectId: targets[10]!.id, reason: "misleading" })).rejects.toMatchObject({
      code: "TOO_MANY_ATTEMPTS",
      message: "You have sent 10 reports in the last 24 hours. You can report again in 23 hours.",
    });
    // 24 hours after the first, one more fits.
    await createReport(db.prisma, { actorId: busy, now: at(24 * 60 + 1), objectKind: "PROFILE", objectId: targets[10]!.id, reason: "misleading" });
  });

  it("keeps one report per person per object when the same report arrives twice at once", async () => {
    const results = await Promise.allSettled([0, 1, 2].map(() => createReport(db.prisma, { actorId: secondReporter, now: at(5), objectKind: "PROFILE", objectId: scammer, reason: "scam" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
  });
});

describe("report.resolve", () => {
  it("orders the queue by priority, groups by object, and shows what each action does", async () => {
    await createReport(db.prisma, { actorId: reporter, now: at(10), objectKind: "JOB", objectId: jobId, reason: "scam", note: "Asks for a deposit" });
    const queue = await listReportQueue(db.prisma, { actorId: admin, now: at(11) });
    const job = queue.find((item) => item.objectId === jobId)!;
    expect(job).toMatchObject({
      objectKind: "JOB",
      title: "Logo for a bakery",
      owner: { id: client, name: "Carol Client", suspended: false },
      priority: 4, // scam 3 + spam 1
    });
    expect(job.reports.map((r) => [r.reporter.name, r.reasonLabel])).toEqual([
      ["Rita Second", "Spam"],
      ["Fran Reporter", "Scam or fraud"],
    ]);
    expect(job.actions.map((a) => [a.action, a.available])).toEqual([["remove", true], ["warn", true], ["suspend", true], ["dismiss", true]]);
    // The flagged message (the shield matched payment words) with its report: 2 + 2.
    const message = queue.find((item) => item.objectKind === "MESSAGE")!;
    expect(message.priority).toBe(4);
    expect(message.flags.length).toBeGreaterThan(0);
    const priorities = queue.map((item) => item.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    const profile = queue.find((item) => item.objectId === scammer)!;
    expect(profile.actions.map((a) => a.action)).toEqual(["warn", "suspend", "dismiss"]);
  });

  it("removes a job through the job removal: every connect refunded, each reporter told, the client told, once", async () => {
    const before = await connectsOf(reporter);
    const idempotencyKey = key();
    const resolve = () => resolveReports(db.prisma, { actorId: admin, now: at(20), idempotencyKey, objectKind: "JOB", objectId: jobId, action: "remove", reason });
    const result = await resolve();
    expect(result).toMatchObject({ outcome: "REMOVED", reportsResolved: 2, cardRefunds: [] });
    expect(await db.prisma.job.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } })).toEqual({ status: "REMOVED" });
    expect(await connectsOf(reporter)).toBe(before + 6);
    // A replay answers the same and does nothing more.
    expect(await resolve()).toEqual(result);
    expect(await connectsOf(reporter)).toBe(before + 6);
    // Another decision is refused with a sentence.
    await expect(resolveReports(db.prisma, { actorId: admin, now: at(21), idempotencyKey: key(), objectKind: "JOB", objectId: jobId, action: "dismiss", reason })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "No report on this job is waiting: it was already decided.",
    });
    const told = await notificationsOf(reporter, "report_resolved");
    expect(told.map((n) => n.body)).toEqual(["You reported the job “Logo for a bakery”. We removed it: It asks for a deposit before any work. Thank you for telling us."]);
    expect(told[0]!.link).toBe("/reports");
    expect(await notificationsOf(secondReporter, "report_resolved")).toHaveLength(1);
    expect((await notificationsOf(client, "content_removed")).map((n) => n.body)).toEqual([
      "An admin removed your job “Logo for a bakery” for breaking the rules: It asks for a deposit before any work.",
    ]);
    const audit = await db.prisma.auditLog.findMany({ where: { targetId: jobId }, select: { action: true, targetType: true, targetId: true, before: true, after: true, reason: true } });
    expect(audit.map((a) => a.action).sort()).toEqual(["job.remove", "report.resolve"]);
    const decision = auditRows(audit).find((a) => a.action === "report.resolve")!;
    expect(decision).toMatchObject({ reason, before: { openReports: 2 }, after: { openReports: 0, outcome: "REMOVED" } });
    expect(wordAudit(decision).summary).toEqual({ before: "Decided the reports on ", after: ": removed" });
    const mine = await listMyReports(db.prisma, { actorId: reporter, now: at(22) });
    expect(mine.find((r) => r.objectId === jobId)).toMatchObject({
      status: "RESOLVED",
      object: "the job “Logo for a bakery”",
      reasonLabel: "Scam or fraud",
      outcome: { kind: "REMOVED", words: "we removed it", reason },
    });
    // A removed job cannot be reported again.
    await expect(createReport(db.prisma, { actorId: (await freelancerWithConnects(db.prisma, 10, now)).id, now: at(23), objectKind: "JOB", objectId: jobId, reason: "scam" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("removes a reported message (its flag reviewed), and warns the owner of a profile", async () => {
    const item = (await listReportQueue(db.prisma, { actorId: admin, now: at(30) })).find((i) => i.objectKind === "MESSAGE")!;
    await resolveReports(db.prisma, { actorId: admin, now: at(30), idempotencyKey: key(), objectKind: "MESSAGE", objectId: item.objectId, action: "remove", reason: "Payment outside Fairlance" });
    const message = await db.prisma.message.findUniqueOrThrow({ where: { id: item.objectId } });
    expect(message.removedAt).toEqual(at(30));
    expect(message.reviewedAt).toEqual(at(30));
    expect((await listReportQueue(db.prisma, { actorId: admin, now: at(31) })).some((i) => i.objectId === item.objectId)).toBe(false);

    await resolveReports(db.prisma, { actorId: admin, now: at(32), idempotencyKey: key(), objectKind: "PROFILE", objectId: scammer, action: "warn", reason: "A misleading profile" });
    expect(await db.prisma.warning.count({ where: { userId: scammer } })).toBe(1);
    expect((await notificationsOf(scammer, "account_warned"))[0]!.body).toBe("An admin warned you about your profile: A misleading profile.");
    expect((await notificationsOf(secondReporter, "report_resolved")).at(-1)!.body).toBe(
      "You reported the profile of Sid Scammer. We warned its owner: A misleading profile. Thank you for telling us.",
    );
  });

  it("refuses to remove a profile, and suspends its owner through the suspension of §1", async () => {
    await createReport(db.prisma, { actorId: reporter, now: at(40), objectKind: "PROFILE", objectId: scammer, reason: "scam" });
    await expect(resolveReports(db.prisma, { actorId: admin, now: at(41), idempotencyKey: key(), objectKind: "PROFILE", objectId: scammer, action: "remove", reason })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "A profile cannot be removed: warn or suspend its owner instead.",
    });
    await resolveReports(db.prisma, { actorId: admin, now: at(42), idempotencyKey: key(), objectKind: "PROFILE", objectId: scammer, action: "suspend", reason: "Running a scam" });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: scammer } });
    expect(user).toMatchObject({ suspendedAt: at(42), suspendedReason: "Running a scam" });
    expect(await notificationsOf(scammer, "account_suspended")).toHaveLength(1);
  });

  it("closes a reported proposal without refunding it, and dismisses with nothing done", async () => {
    const job2 = await openJob(db.prisma, otherClient, now, { title: "Menu design" });
    const proposal = await submitProposal(db.prisma, { jobId: job2, actorId: secondReporter, now, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 50_000n });
    await createReport(db.prisma, { actorId: otherClient, now: at(50), objectKind: "PROPOSAL", objectId: proposal.proposalId, reason: "spam" });
    const connects = await connectsOf(secondReporter);
    await resolveReports(db.prisma, { actorId: admin, now: at(51), idempotencyKey: key(), objectKind: "PROPOSAL", objectId: proposal.proposalId, action: "remove", reason: "Copied spam" });
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposal.proposalId } })).toMatchObject({ status: "CLOSED", endedReason: "proposal_removed_by_admin" });
    expect(await connectsOf(secondReporter)).toBe(connects);
    expect((await notificationsOf(secondReporter, "content_removed")).at(-1)!.body).toBe("An admin removed your proposal on “Menu design” for breaking the rules: Copied spam.");

    await createReport(db.prisma, { actorId: reporter, now: at(52), objectKind: "PROFILE", objectId: otherClient, reason: "misleading" });
    const warningsBefore = await db.prisma.warning.count({ where: { userId: otherClient } });
    const dismissed = await resolveReports(db.prisma, { actorId: admin, now: at(53), idempotencyKey: key(), objectKind: "PROFILE", objectId: otherClient, action: "dismiss", reason: "Nothing misleading here" });
    expect(dismissed.outcome).toBe("DISMISSED");
    expect(await db.prisma.warning.count({ where: { userId: otherClient } })).toBe(warningsBefore);
    expect(await db.prisma.notification.count({ where: { userId: otherClient, kind: { in: ["account_warned", "content_removed", "account_suspended"] } } })).toBe(0);
    expect((await notificationsOf(reporter, "report_resolved")).at(-1)!.body).toContain("We looked and found nothing against our rules: Nothing misleading here.");
  });

  it("decides once when two admins act at the same moment", async () => {
    const target = (await makeUser(db.prisma, "FREELANCER", { name: "Race Target" })).id;
    await createReport(db.prisma, { actorId: client, now: at(60), objectKind: "PROFILE", objectId: target, reason: "harassment" });
    const results = await Promise.allSettled(
      (["warn", "dismiss"] as const).map((action) => resolveReports(db.prisma, { actorId: admin, now: at(61), idempotencyKey: key(), objectKind: "PROFILE", objectId: target, action, reason: "Decided in a race" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await notificationsOf(client, "report_resolved")).toHaveLength(1);
  });

  it("is for admins only", async () => {
    await expect(resolveReports(db.prisma, { actorId: client, now, idempotencyKey: key(), objectKind: "PROFILE", objectId: scammer, action: "dismiss", reason })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listReportQueue(db.prisma, { actorId: reporter, now })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
