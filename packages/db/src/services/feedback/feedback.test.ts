import { FEEDBACK_TEXT } from "@fairlance/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { days, freshDatabase, key, makeUser, makeVerifiedClient, NOW, type TestDatabase, activeFixedContract } from "../../testing";
import { auditRows } from "../../testing/audit";
import { editFeedback } from "./edit-feedback";
import { hideFeedback, unhideFeedback } from "./hide-feedback";
import { leaveFeedback } from "./leave-feedback";
import { replyToFeedback } from "./reply-to-feedback";
import { clientStars, endedPaidContract, endedUnpaidContract, freelancerStars } from "./test-helpers";

// Feedback on ended contracts (economy.md §10): eligibility, one per side, double-blind reveal,
// editing until the reveal, one reply after it, and an admin hiding it.
let db: TestDatabase;
let client: string;
let freelancer: string;
let stranger: string;
let admin: string;
const endedAt = NOW;
const later = (hours: number) => new Date(endedAt.getTime() + hours * 3_600_000);
const comment = "Clear brief, fast answers, paid on time.";

const leave = (actorId: string, contractId: string, stars: { overall: number; facets: Record<string, number> }, now = later(1), extra: { comment?: string; privateNote?: string; idempotencyKey?: string } = {}) =>
  leaveFeedback(db.prisma, { actorId, now, idempotencyKey: extra.idempotencyKey ?? key(), contractId, comment: extra.comment ?? comment, ...stars, ...(extra.privateNote ? { privateNote: extra.privateNote } : {}) });

beforeAll(async () => {
  db = await freshDatabase({ max: 12 });
  client = (await makeVerifiedClient(db.prisma, { name: "Carol Client" })).id;
  freelancer = (await makeUser(db.prisma, "FREELANCER", { name: "Fran Freelancer" })).id;
  stranger = (await makeUser(db.prisma, "CLIENT")).id;
  admin = (await makeUser(db.prisma, "ADMIN")).id;
});
afterAll(() => db.drop());

describe("leaving feedback", () => {
  it("takes each side's stars, comment and private note once, and stays blind until the other side's", async () => {
    const contractId = await endedPaidContract(db.prisma, { clientId: client, freelancerId: freelancer, endedAt });
    const mine = await leave(client, contractId, clientStars(5), later(2), { privateNote: "Would hire again." });
    expect(mine).toMatchObject({ contractId, side: "CLIENT", submittedAt: later(2), closesAt: days(endedAt, 14), revealedAt: null });
    const stored = await db.prisma.feedback.findUniqueOrThrow({ where: { id: mine.feedbackId } });
    expect(stored).toMatchObject({ authorId: client, subjectId: freelancer, overall: 5, comment, privateNote: "Would hire again.", hiddenAt: null });
    expect(stored.facets).toEqual({ skills: 5, quality: 5, communication: 5, deadlines: 5, cooperation: 5 });
    expect((await db.prisma.contract.findUniqueOrThrow({ where: { id: contractId } })).feedbackRevealedAt).toBeNull();

    const theirs = await leave(freelancer, contractId, freelancerStars(4), later(5));
    expect(theirs).toMatchObject({ side: "FREELANCER", revealedAt: later(5) });
    expect((await db.prisma.contract.findUniqueOrThrow({ where: { id: contractId } })).feedbackRevealedAt).toEqual(later(5));
    await expect(leave(client, contractId, clientStars(1), later(6))).rejects.toMatchObject({ code: "CONFLICT", message: FEEDBACK_TEXT.alreadyLeft });
  });

  it("replays a retried request and refuses the key for another", async () => {
    const contractId = await endedPaidContract(db.prisma, { clientId: client, freelancerId: freelancer, endedAt });
    const idempotencyKey = key();
    const first = await leave(freelancer, contractId, freelancerStars(5), later(1), { idempotencyKey });
    expect(await leave(freelancer, contractId, freelancerStars(5), later(1), { idempotencyKey })).toEqual(first);
    await expect(leave(freelancer, contractId, freelancerStars(3), later(1), { idempotencyKey })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
  });

  it("refuses anyone but the two parties as if the contract did not exist", async () => {
    const contractId = await endedPaidContract(db.prisma, { clientId: client, freelancerId: freelancer, endedAt });
    await expect(leave(stranger, contractId, clientStars(5))).rejects.toMatchObject({ code: "NOT_FOUND", message: "This contract does not exist." });
    await expect(leave(admin, contractId, clientStars(5))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("says why when the contract is running, paid nothing, or its window closed", async () => {
    const { contractId: running } = await activeFixedContract(db.prisma, { clientId: client, freelancerId: freelancer, milestones: [10_000n], now: endedAt });
    await expect(leave(client, running, clientStars(5))).rejects.toMatchObject({ code: "FEEDBACK_NOT_ALLOWED", message: FEEDBACK_TEXT.notEnded });
    const unpaid = await endedUnpaidContract(db.prisma, { clientId: client, freelancerId: freelancer, endedAt });
    await expect(leave(freelancer, unpaid, freelancerStars(5))).rejects.toMatchObject({ code: "FEEDBACK_NOT_ALLOWED", message: FEEDBACK_TEXT.noMoney });
    const paid = await endedPaidContract(db.prisma, { clientId: client, freelancerId: freelancer, endedAt });
    await expect(leave(client, paid, clientStars(5), days(endedAt, 14))).rejects.toMatchObject({
      code: "FEEDBACK_NOT_ALLOWED",
      message: "The 14-day feedback window closed on 2026-12-10 at 10:00 UTC.",
    });
    expect(await leave(client, paid, clientStars(5), new Date(days(endedAt, 14).getTime() - 1))).toMatchObject({ side: "CLIENT" });
  });

  it("uses the window in force when the contract ended, whatever an admin changes later", async () => {
    const paid = await endedPaidContract(db.prisma, { clientId: client, freelancerId: freelancer, endedAt });
    await db.prisma.settingVersion.create({ data: { key: "feedbackWindowDays", value: 3, effectiveFrom: later(1), reason: "Shorter window", createdById: admin } });
    // Contracts here all end at NOW, before this change takes effect: the rest of the file keeps 14 days.
    expect(await leave(freelancer, paid, freelancerStars(4), days(endedAt, 5))).toMatchObject({ closesAt: days(endedAt, 14) });
  });

  it("checks the stars of the author's side, naming each wrong one on its field", async () => {
    const contractId = await endedPaidContract(db.prisma, { clientId: client, freelancerId: freelancer, endedAt });
    const wrong = leave(freelancer, contractId, { overall: 6, facets: { clarity: 4, payment: 4.5, skills: 5 } });
    await expect(wrong).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      details: {
        issues: [
          { path: "overall", message: "Give 1 to 5 whole stars overall." },
          { path: "facets.payment", message: "Rate prompt payment with 1 to 5 whole stars." },
          { path: "facets.communication", message: "Rate communication with 1 to 5 whole stars." },
          { path: "facets", message: expect.stringContaining('"skills" is not one of them') },
        ],
      },
    });
    await expect(leave(freelancer, contractId, { overall: 5, facets: { clarity: 5, payment: 5, communication: 5, charm: 5 } as never })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      message: '"facets.charm" is not a field you can set.',
    });
    await expect(leave(freelancer, contractId, freelancerStars(5), later(1), { comment: "ok" })).rejects.toMatchObject({ code: "INVALID_REQUEST", message: expect.stringContaining("at least 10 characters") });
  });

  it("refuses a public comment the scam shield catches, contact details included", async () => {
    const contractId = await endedPaidContract(db.prisma, { clientId: client, freelancerId: freelancer, endedAt });
    await expect(leave(client, contractId, clientStars(5), later(1), { comment: "Great work, write to fran@example.com for more" })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      message: expect.stringMatching(/^Feedback is public, so a comment cannot include .*email/),
      details: { issues: [{ path: "comment" }] },
    });
    await expect(leave(client, contractId, clientStars(5), later(1), { comment: "Pay him in bitcoin to skip the fees" })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    expect(await db.prisma.feedback.count({ where: { contractId } })).toBe(0);
  });
});

describe("races", () => {
  it("lets exactly one of many parallel submissions of one side win; the others are told it is there", async () => {
    const contractId = await endedPaidContract(db.prisma, { clientId: client, freelancerId: freelancer, endedAt });
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => leave(client, contractId, clientStars(1 + (i % 5)), later(1))));
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(7);
    for (const o of lost) expect(o.reason).toMatchObject({ code: "CONFLICT", message: FEEDBACK_TEXT.alreadyLeft });
    expect(await db.prisma.feedback.count({ where: { contractId } })).toBe(1);
  });

  it("reveals both when the two sides submit at the same moment", async () => {
    const contractId = await endedPaidContract(db.prisma, { clientId: client, freelancerId: freelancer, endedAt });
    const both = await Promise.all([leave(client, contractId, clientStars(5), later(3)), leave(freelancer, contractId, freelancerStars(5), later(3))]);
    expect(both.filter((f) => f.revealedAt !== null)).toHaveLength(1);
    expect((await db.prisma.contract.findUniqueOrThrow({ where: { id: contractId } })).feedbackRevealedAt).toEqual(later(3));
  });
});

describe("editing, replying, hiding", () => {
  it("lets the author rewrite until the reveal, and nobody else", async () => {
    const contractId = await endedPaidContract(db.prisma, { clientId: client, freelancerId: freelancer, endedAt });
    const { feedbackId } = await leave(client, contractId, clientStars(3), later(1));
    const edit = (actorId: string, now: Date, stars: { overall: number; facets: Record<string, number> } = clientStars(4)) =>
      editFeedback(db.prisma, { actorId, now, idempotencyKey: key(), feedbackId, ...stars, comment: "Better than I first said, honestly." });
    expect(await edit(client, later(2))).toEqual({ feedbackId, side: "CLIENT", updatedAt: later(2) });
    expect(await db.prisma.feedback.findUniqueOrThrow({ where: { id: feedbackId } })).toMatchObject({ overall: 4, submittedAt: later(1), updatedAt: later(2), privateNote: null });
    await expect(edit(freelancer, later(2))).rejects.toMatchObject({ code: "NOT_FOUND", message: "This feedback does not exist." });
    await expect(edit(client, later(2), freelancerStars(4))).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    await leave(freelancer, contractId, freelancerStars(5), later(3));
    await expect(edit(client, later(4))).rejects.toMatchObject({
      code: "FEEDBACK_NOT_EDITABLE",
      message: "Feedback can be changed only until it is revealed; this one was revealed on 2026-11-26 at 13:00 UTC.",
    });
  });

  it("lets the rated person reply once after the reveal; before it, the feedback does not exist for them", async () => {
    const contractId = await endedPaidContract(db.prisma, { clientId: client, freelancerId: freelancer, endedAt });
    const { feedbackId } = await leave(client, contractId, clientStars(2), later(1));
    const reply = (actorId: string, now: Date, text = "Thank you, the delays were agreed in chat.") => replyToFeedback(db.prisma, { actorId, now, idempotencyKey: key(), feedbackId, reply: text });
    await expect(reply(freelancer, later(2))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(reply(stranger, days(endedAt, 20))).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The window closes: revealed without the freelancer's feedback (the rules' reveal, before the runner stores it).
    const afterClose = days(endedAt, 15);
    await expect(reply(freelancer, afterClose, "Call me on +1 415 555 0100 to discuss")).rejects.toMatchObject({ code: "INVALID_REQUEST", details: { issues: [{ path: "reply" }] } });
    expect(await reply(freelancer, afterClose)).toEqual({ feedbackId, repliedAt: afterClose });
    await expect(reply(freelancer, afterClose)).rejects.toMatchObject({ code: "FEEDBACK_REPLY_NOT_ALLOWED", message: FEEDBACK_TEXT.alreadyReplied });
    await expect(reply(client, afterClose)).rejects.toMatchObject({ code: "FEEDBACK_REPLY_NOT_ALLOWED", message: FEEDBACK_TEXT.notRated });
  });

  it("lets an admin hide revealed feedback with a reason and show it again, audit-logged", async () => {
    const contractId = await endedPaidContract(db.prisma, { clientId: client, freelancerId: freelancer, endedAt });
    const { feedbackId } = await leave(client, contractId, clientStars(1), later(1));
    const moderate = (action: typeof hideFeedback, now: Date, actorId = admin) => action(db.prisma, { actorId, now, idempotencyKey: key(), feedbackId, reason: "Insults, not feedback" });
    await expect(moderate(hideFeedback, later(2))).rejects.toMatchObject({ code: "CONFLICT", message: FEEDBACK_TEXT.hideBeforeReveal });
    await leave(freelancer, contractId, freelancerStars(1), later(3));
    await expect(moderate(hideFeedback, later(4), client)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await moderate(hideFeedback, later(4))).toEqual({ feedbackId, hiddenAt: later(4), hiddenReason: "Insults, not feedback" });
    await expect(moderate(hideFeedback, later(5))).rejects.toMatchObject({ code: "CONFLICT", message: FEEDBACK_TEXT.alreadyHidden });
    await expect(replyToFeedback(db.prisma, { actorId: freelancer, now: later(5), idempotencyKey: key(), feedbackId, reply: "That is unfair." })).rejects.toMatchObject({
      message: FEEDBACK_TEXT.hiddenNoReply,
    });
    expect(await moderate(unhideFeedback, later(6))).toEqual({ feedbackId, hiddenAt: null, hiddenReason: null });
    await expect(moderate(unhideFeedback, later(7))).rejects.toMatchObject({ code: "CONFLICT", message: "This feedback is not hidden." });
    const audit = auditRows(await db.prisma.auditLog.findMany({ where: { targetId: feedbackId }, orderBy: { id: "asc" } }));
    expect(audit.map((row) => row.action)).toEqual(["feedback.hide", "feedback.unhide"]);
    await expect(moderate(hideFeedback, later(8))).resolves.toMatchObject({ hiddenAt: later(8) });
  });
});
