import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { days, freshDatabase, key, makeUser, NOW, type TestDatabase, type TestUser } from "../testing";
import { hideFeedback } from "../services/feedback/hide-feedback";
import { updateReputation } from "../services/feedback/job-success";
import { leaveFeedback } from "../services/feedback/leave-feedback";
import { replyToFeedback } from "../services/feedback/reply-to-feedback";
import { clientStars, endedPaidContract, freelancerStars } from "../services/feedback/test-helpers";
import { searchAuditLog } from "./admin-audit";
import { contractFeedback, feedbackToLeave, listFeedbackForModeration, ratingsOf, reputationOf } from "./reputation";

// Reputation's read models (economy.md §10): double-blind on every one of them.
let db: TestDatabase;
let client: TestUser;
let freelancer: TestUser;
let stranger: TestUser;
let admin: TestUser;
let contractId: string;
let clientFeedbackId: string;
const endedAt = NOW;
const hour = (n: number) => new Date(endedAt.getTime() + n * 3_600_000);
const me = (user: TestUser) => ({ id: user.id, role: user.role });

beforeAll(async () => {
  db = await freshDatabase({ max: 8 });
  client = await makeUser(db.prisma, "CLIENT", { name: "Carol Chen" });
  freelancer = await makeUser(db.prisma, "FREELANCER", { name: "Fran Okafor" });
  stranger = await makeUser(db.prisma, "CLIENT");
  admin = await makeUser(db.prisma, "ADMIN");
  contractId = await endedPaidContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, endedAt });
  ({ feedbackId: clientFeedbackId } = await leaveFeedback(db.prisma, {
    actorId: client.id,
    now: hour(1),
    idempotencyKey: key(),
    contractId,
    comment: "Excellent work, on time and clear.",
    privateNote: "Slightly expensive.",
    ...clientStars(5),
  }));
});
afterAll(() => db.drop());

describe("before the reveal (one side has left feedback)", () => {
  it("shows it to its author only, on the contract page", async () => {
    const mine = await contractFeedback(db.prisma, contractId, me(client), hour(2));
    expect(mine).toMatchObject({ revealed: false, closesAt: days(endedAt, 14), theirs: null, can: { leave: { ok: false }, edit: { ok: true }, reply: { ok: false } } });
    expect(mine.mine).toMatchObject({ id: clientFeedbackId, overall: 5, privateNote: "Slightly expensive.", comment: "Excellent work, on time and clear." });
    expect(mine.mine!.facets.map((f) => f.label)).toEqual(["Skills", "Quality of work", "Communication", "Meeting deadlines", "Cooperation"]);

    const theirs = await contractFeedback(db.prisma, contractId, me(freelancer), hour(2));
    expect(theirs).toMatchObject({ revealed: false, mine: null, theirs: null, can: { leave: { ok: true }, edit: { ok: false }, reply: { ok: false } } });
    expect(theirs.status).toBe("Your feedback and the client's are shown when you have both left yours, or on 2026-12-10 at 10:00 UTC when the window closes.");
    // Admins see nothing either (economy.md §10.3).
    const adminView = await contractFeedback(db.prisma, contractId, me(admin), hour(2));
    expect(adminView).toMatchObject({ mine: null, theirs: null, revealed: false });
    await expect(contractFeedback(db.prisma, contractId, me(stranger), hour(2))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps it out of profiles and averages, and lists what is left to leave", async () => {
    for (const viewer of [me(freelancer), me(stranger), me(admin), null]) {
      const reputation = await reputationOf(db.prisma, freelancer.id, viewer, hour(2));
      expect(reputation.feedback).toEqual([]);
      expect(reputation.rating).toMatchObject({ count: 0, display: null, fromText: "No reviews yet" });
    }
    expect((await ratingsOf(db.prisma, [freelancer.id]))[freelancer.id]!.count).toBe(0);
    expect(await feedbackToLeave(db.prisma, client.id, hour(2))).toEqual([]);
    expect(await feedbackToLeave(db.prisma, freelancer.id, hour(2))).toEqual([
      { contractId, title: expect.any(String), about: { id: client.id, name: "Carol Chen" }, endedAt, closesAt: days(endedAt, 14), sentence: "Leave feedback by 2026-12-10 at 10:00 UTC." },
    ]);
    expect(await feedbackToLeave(db.prisma, freelancer.id, days(endedAt, 14))).toEqual([]);
  });
});

describe("after the reveal", () => {
  it("shows both to both people, the public parts to everyone, private notes to authors and admins", async () => {
    await leaveFeedback(db.prisma, { actorId: freelancer.id, now: hour(3), idempotencyKey: key(), contractId, comment: "Great client to work with.", privateNote: "Pays late.", ...freelancerStars(4) });
    const forClient = await contractFeedback(db.prisma, contractId, me(client), hour(4));
    expect(forClient).toMatchObject({ revealed: true, revealedAt: hour(3), status: "Feedback was revealed on 2026-11-26 at 13:00 UTC." });
    expect(forClient.theirs).toMatchObject({ overall: 4, comment: "Great client to work with.", privateNote: null, author: { name: "Fran Okafor" } });
    expect(forClient.can).toMatchObject({ leave: { ok: false }, edit: { ok: false }, reply: { ok: true } });
    expect((await contractFeedback(db.prisma, contractId, me(admin), hour(4))).theirs).toMatchObject({ privateNote: "Pays late." });

    const publicView = await reputationOf(db.prisma, freelancer.id, me(stranger), hour(4));
    expect(publicView.rating).toMatchObject({ count: 1, display: "5.0", fromText: "from 1 review" });
    expect(publicView.feedback).toEqual([expect.objectContaining({ id: clientFeedbackId, contractId, privateNote: null, hidden: null, reply: null, revealedAt: hour(3), contractEndedAt: endedAt })]);
    expect(publicView.jobSuccess).toMatchObject({ score: null, missingForScore: 2, explanation: expect.arrayContaining(["2 more completed contracts that paid are needed for a score"]) });
    expect((await reputationOf(db.prisma, client.id, null, hour(4))).jobSuccess).toBeNull();
    expect(await ratingsOf(db.prisma, [freelancer.id, client.id, stranger.id])).toMatchObject({
      [freelancer.id]: { display: "5.0" },
      [client.id]: { display: "4.0" },
      [stranger.id]: { count: 0 },
    });
    await expect(reputationOf(db.prisma, admin.id, null, hour(4))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows the reply, and hidden feedback only to its two people and admins, with the reason, out of the average", async () => {
    await replyToFeedback(db.prisma, { actorId: freelancer.id, now: hour(5), idempotencyKey: key(), feedbackId: clientFeedbackId, reply: "Thank you, Carol!" });
    expect((await reputationOf(db.prisma, freelancer.id, null, hour(6))).feedback[0]!.reply).toEqual({ text: "Thank you, Carol!", at: hour(5) });
    await hideFeedback(db.prisma, { actorId: admin.id, now: hour(6), idempotencyKey: key(), feedbackId: clientFeedbackId, reason: "Names a person outside the contract" });
    // The admin audit page says it in words.
    const [logged] = (await searchAuditLog(db.prisma, { actorId: admin.id, action: "feedback.hide" })).rows;
    expect(logged).toMatchObject({
      sentence: "Hid the feedback from Carol Chen to Fran Okafor on “Test contract 1”",
      target: { kind: "feedback", href: `/admin/people?user=${freelancer.id}` },
      changes: [
        { label: "Hidden", before: null, after: hour(6) },
        { label: "Reason both people see", before: null, after: "Names a person outside the contract" },
      ],
      reason: "Names a person outside the contract",
    });
    expect((await reputationOf(db.prisma, freelancer.id, me(stranger), hour(7))).feedback).toEqual([]);
    expect((await ratingsOf(db.prisma, [freelancer.id]))[freelancer.id]!.count).toBe(0);
    for (const viewer of [me(freelancer), me(client), me(admin)]) {
      const [entry] = (await reputationOf(db.prisma, freelancer.id, viewer, hour(7))).feedback;
      expect(entry!.hidden).toEqual({ at: hour(6), reason: "Names a person outside the contract", notice: "Hidden by Fairlance: Names a person outside the contract" });
    }
    expect((await contractFeedback(db.prisma, contractId, me(freelancer), hour(7))).can.reply).toMatchObject({ ok: false });
    await updateReputation(db.prisma, { now: hour(8) });
    expect((await db.prisma.jobSuccessSnapshot.findFirstOrThrow({ where: { userId: freelancer.id } })).neutral).toBe(1);
  });
});

describe("feedback for moderation (economy.md §10.5)", () => {
  it("lists revealed feedback newest first with what admins see (private notes, hidden with its reason), never unrevealed feedback, admins only", async () => {
    const other = await makeUser(db.prisma, "FREELANCER", { name: "Gil Blind" });
    const blindContract = await endedPaidContract(db.prisma, { clientId: client.id, freelancerId: other.id, endedAt: hour(9) });
    await leaveFeedback(db.prisma, { actorId: client.id, now: hour(10), idempotencyKey: key(), contractId: blindContract, comment: "Still blind, nobody sees it.", ...clientStars(2) });

    const list = await listFeedbackForModeration(db.prisma, { actorId: admin.id, now: hour(11) });
    expect(list).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    // Both of the revealed contract's, the later submission first; the blind one is absent.
    expect(list.rows.map((row) => [row.author.name, row.side])).toEqual([
      ["Fran Okafor", "FREELANCER"],
      ["Carol Chen", "CLIENT"],
    ]);
    expect(list.rows[0]).toMatchObject({ privateNote: "Pays late.", hidden: null, contractTitle: expect.any(String) });
    expect(list.rows[1]).toMatchObject({ id: clientFeedbackId, privateNote: "Slightly expensive.", hidden: { reason: "Names a person outside the contract" }, reply: { text: "Thank you, Carol!" } });
    expect((await listFeedbackForModeration(db.prisma, { actorId: admin.id, now: hour(11), hiddenOnly: true })).rows.map((row) => row.id)).toEqual([clientFeedbackId]);
    // Before the reveal existed, nothing.
    expect((await listFeedbackForModeration(db.prisma, { actorId: admin.id, now: hour(2) })).rows).toEqual([]);
    await expect(listFeedbackForModeration(db.prisma, { actorId: client.id, now: hour(11) })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
