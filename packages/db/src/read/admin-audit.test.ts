import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../client";
import { COVER_LETTER, freelancerWithConnects, freshDatabase, key, makeUser, openJob, type TestDatabase } from "../testing";
import { adminGrantConnects } from "../services/connects/admin-grant-connects";
import { adminRevokeConnects } from "../services/connects/admin-revoke-connects";
import { grantRisingTalent } from "../services/connects/grant-rising-talent";
import { changeSetting } from "../services/admin/change-setting";
import { createAdmin } from "../services/admin/create-admin";
import { suspendUser, unsuspendUser } from "../services/admin/suspend-user";
import { endSessions } from "../services/sessions/end-sessions";
import { removeJob } from "../services/jobs/remove-job";
import { submitProposal } from "../services/jobs/submit-proposal";
import { sendMessage } from "../services/messages/send-message";
import { markFlagReviewed } from "../services/messages/mark-flag-reviewed";
import { removeMessage } from "../services/messages/remove-message";
import { warnSender } from "../services/messages/warn-sender";
import { searchAuditLog } from "./admin-audit";
import { wordAudit } from "./audit-wording";

// The audit log in words (economy.md §6): who, what to whom, the values before and after.
let db: TestDatabase;
let ada: string;
let fran: string;
let carol: string;
let jobId: string;
let messageId: string;
const now = new Date("2026-12-01T09:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

beforeAll(async () => {
  db = await freshDatabase();
  const p = db.prisma;
  ada = (await makeUser(p, "ADMIN", { name: "Ada Admin" })).id;
  fran = (await freelancerWithConnects(p, 20, now, { name: "Fran Okafor" })).id;
  carol = (await makeUser(p, "CLIENT", { name: "Carol Chen" })).id;
  jobId = await openJob(p, carol, now, { title: "Logo for a bakery" });
  const { proposalId } = await submitProposal(p, { jobId, actorId: fran, now, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n });
  messageId = (await sendMessage(p, { proposalId, actorId: fran, now, idempotencyKey: key(), body: "Pay me in bitcoin instead" })).messageId;
  const question = (await sendMessage(p, { proposalId, actorId: carol, now, idempotencyKey: key(), body: "Can you pay the deposit by wire first?" })).messageId;
  const as = { actorId: ada, idempotencyKey: key() };
  await adminGrantConnects(p, { ...as, now: at(1), freelancerId: fran, connects: 10, reason: "Goodwill after an outage" });
  await adminRevokeConnects(p, { ...as, idempotencyKey: key(), now: at(2), freelancerId: fran, connects: 2, reason: "Granted twice" });
  await changeSetting(p, { ...as, idempotencyKey: key(), now: at(3), key: "connectPriceMinor", value: 20n, effectiveFrom: null, reason: "Cover card processing costs" });
  await suspendUser(p, { ...as, idempotencyKey: key(), now: at(4), userId: fran, reason: "Fake reviews reported" });
  await unsuspendUser(p, { ...as, idempotencyKey: key(), now: at(5), userId: fran, reason: "Cleared up after a call" });
  await grantRisingTalent(p, { ...as, idempotencyKey: key(), now: at(6), freelancerId: fran, reason: "Great first month" });
  await endSessions(p, { ...as, idempotencyKey: key(), now: at(7), userId: carol, reason: "Reported a stolen laptop" });
  await createAdmin(p, { ...as, idempotencyKey: key(), now: at(8), email: "bea@fairlance.test", name: "Bea Admin", initialPassword: "a long initial passphrase", reason: "Joins the support team" });
  await warnSender(p, { ...as, idempotencyKey: key(), now: at(9), messageId, reason: "Payments stay on Fairlance" });
  await removeMessage(p, { ...as, idempotencyKey: key(), now: at(10), messageId, reason: "Asked to be paid in crypto" });
  await removeJob(p, { ...as, idempotencyKey: key(), now: at(11), jobId, reason: "A scam job, reported twice" });
  await markFlagReviewed(p, { ...as, idempotencyKey: key(), now: at(12), messageId: question, reason: "A fair question" });
});
afterAll(() => db.drop());

const search = (input: Partial<Parameters<typeof searchAuditLog>[1]> = {}, prisma: PrismaClient = db.prisma) => searchAuditLog(prisma, { actorId: ada, ...input });

describe("searchAuditLog in words", () => {
  it("names the admin, says what was done to whom, and links the target", async () => {
    const { rows } = await search();
    expect(rows.map((row) => row.sentence)).toEqual([
      "Dismissed the flag on a message from Carol Chen to Fran Okafor",
      "Removed the job “Logo for a bakery”",
      "Removed a message from Fran Okafor to Carol Chen",
      "Warned Fran Okafor",
      "Created the admin account of Bea Admin",
      "Signed Carol Chen out everywhere",
      "Awarded Rising Talent to Fran Okafor (30 connects)",
      "Lifted the suspension of Fran Okafor",
      "Suspended Fran Okafor",
      "Changed the setting Connect price",
      "Took back 2 connects from Fran Okafor",
      "Granted 10 connects to Fran Okafor",
    ]);
    expect(rows.every((row) => row.actor?.name === "Ada Admin")).toBe(true);
    const granted = rows.at(-1)!;
    expect(granted.summary).toEqual({ before: "Granted 10 connects to ", after: "" });
    expect(granted.target).toEqual({ kind: "person", id: fran, label: "Fran Okafor", href: `/admin/people?user=${fran}` });
    expect(rows[1]!.target).toEqual({ kind: "job", id: jobId, label: "“Logo for a bakery”", href: `/admin/ledger?jobId=${jobId}` });
    expect(rows[2]!.target).toMatchObject({ kind: "message", href: `/admin/moderation#flag-${messageId}` });
    expect(rows[0]!.facts).toEqual([{ label: "Flagged for", value: "Deposit or training fee" }]);
    expect(rows.find((row) => row.action === "setting.change")!.target).toEqual({ kind: "setting", id: "connectPriceMinor", label: "Connect price", href: "/admin/settings#setting-connectPriceMinor" });
  });

  it("shows each changed value before and after, formatted: money, connects, dates, statuses", async () => {
    const { rows } = await search();
    const of = (action: string) => rows.find((row) => row.action === action)!;
    expect(of("connects.grant")).toMatchObject({ changes: [{ label: "Connects balance", before: "14 connects", after: "24 connects" }], facts: [] });
    expect(of("connects.revoke").changes).toEqual([{ label: "Connects balance", before: "24 connects", after: "22 connects" }]);
    expect(of("setting.change")).toMatchObject({ changes: [{ label: "Connect price", before: "$0.15", after: "$0.20" }], facts: [{ label: "Takes effect", value: at(3) }] });
    expect(of("user.suspend").changes).toEqual([
      { label: "Suspended since", before: null, after: at(4) },
      { label: "Reason shown to them", before: null, after: "Fake reviews reported" },
    ]);
    expect(of("user.unsuspend").changes).toEqual([
      { label: "Suspended since", before: at(4), after: null },
      { label: "Reason shown to them", before: "Fake reviews reported", after: null },
    ]);
    expect(of("connects.rising_talent.award").changes).toEqual([
      { label: "Rising Talent since", before: null, after: at(6) },
      { label: "Connects balance", before: "22 connects", after: "52 connects" },
    ]);
    expect(of("user.createAdmin").changes).toEqual([
      { label: "Email", before: null, after: "bea@fairlance.test" },
      { label: "Name", before: null, after: "Bea Admin" },
      { label: "Role", before: null, after: "Admin" },
    ]);
    expect(of("user.warn").changes).toEqual([{ label: "Warnings given", before: "0", after: "1" }]);
    expect(of("job.remove")).toMatchObject({
      changes: [{ label: "Status", before: "Open", after: "Removed" }],
      facts: [
        { label: "Proposals", value: "1" },
        { label: "Proposals closed", value: "1" },
        { label: "Connects refunded to applicants", value: expect.stringMatching(/connects?$/) },
      ],
    });
    expect(of("user.end_sessions")).toMatchObject({ changes: [], facts: [] });
    // The recorded values stay available as they were stored.
    expect(of("connects.grant").after).toMatchObject({ connectsBalance: 24, connectsGranted: 10 });
  });

  it("still searches by action, admin, target and reason", async () => {
    expect((await search({ action: "connects." })).rows.map((row) => row.action)).toEqual(["connects.rising_talent.award", "connects.revoke", "connects.grant"]);
    expect((await search({ actor: "ada" })).total).toBe(12);
    expect((await search({ target: fran })).total).toBe(6);
    expect((await search({ text: "stolen laptop" })).rows.map((row) => row.sentence)).toEqual(["Signed Carol Chen out everywhere"]);
  });

  it("resolves the names of a page in one query, however many rows it has", async () => {
    const calls = async (pageSize: number) => {
      const seen: string[] = [];
      const counting = new Proxy(db.prisma, {
        get(target, property, receiver) {
          if (typeof property === "string" && !property.startsWith("_") && property !== "then") seen.push(property);
          return Reflect.get(target, property, receiver);
        },
      });
      const page = await search({ pageSize }, counting);
      expect(page.rows).toHaveLength(pageSize);
      return seen;
    };
    const few = await calls(2);
    const many = await calls(12);
    expect(many).toEqual(few);
    expect(many.filter((call) => call === "$queryRaw")).toHaveLength(1);
  });
});

describe("wordAudit", () => {
  it("words a dispute decision, with the money it moved", () => {
    const wording = wordAudit({
      action: "dispute.decide",
      targetType: "Dispute",
      targetId: "d1",
      before: { status: "OPEN", amountMinor: 20_000n, target: "milestone" },
      after: { status: "DECIDED", outcome: "SPLIT", releasedMinor: 15_000n, refundedMinor: 5_000n, paymentId: "p1" },
    });
    expect(wording).toEqual({
      summary: { before: "Decided the dispute on ", after: ": split" },
      changes: [{ label: "Status", before: "Open", after: "Decided" }],
      facts: [
        { label: "Amount in dispute", value: "$200.00" },
        { label: "Outcome", value: "Split" },
        { label: "Paid to the freelancer", value: "$150.00" },
        { label: "Refunded to the client", value: "$50.00" },
      ],
    });
  });

  it("words an action it does not know from its code, and its values from their names", () => {
    expect(wordAudit({ action: "payout.hold", targetType: "Withdrawal", targetId: "w1", before: { heldAt: null, amountMinor: 1_000n }, after: { heldAt: "2026-12-01T09:00:00.000Z", amountMinor: 1_000n } })).toEqual({
      summary: { before: "Payout hold: ", after: "" },
      changes: [{ label: "Held at", before: null, after: now }],
      facts: [],
    });
  });
});
