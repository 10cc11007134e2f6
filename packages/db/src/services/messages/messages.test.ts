import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { assertLedgerHolds, COVER_LETTER, freelancerWithConnects, freshDatabase, key, makeUser, openJob, type TestDatabase } from "../../testing";
import { submitProposal } from "../jobs/submit-proposal";
import { listFlaggedMessages } from "../../read/flagged-messages";
import { listMessages } from "../../read/messages";
import { attachmentLinker } from "../../files/attachment-links";
import { markFlagReviewed } from "./mark-flag-reviewed";
import { sendMessage } from "./send-message";
import { auditRows } from "../../testing/audit";

/** Download links in these tests (the web app signs with its secret). */
const links = attachmentLinker("test key", new Date(0));

let db: TestDatabase;
let client: string;
let otherClient: string;
let freelancer: string;
let stranger: string;
let admin: string;
let proposalId: string;
beforeAll(async () => {
  db = await freshDatabase();
  client = (await makeUser(db.prisma, "CLIENT")).id;
  otherClient = (await makeUser(db.prisma, "CLIENT")).id;
  freelancer = (await freelancerWithConnects(db.prisma, 20, now)).id;
  stranger = (await freelancerWithConnects(db.prisma, 20, now)).id;
  admin = (await makeUser(db.prisma, "ADMIN")).id;
  const jobId = await openJob(db.prisma, client, now);
  ({ proposalId } = await submitProposal(db.prisma, { jobId, actorId: freelancer, now, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n }));
});
afterEach(() => assertLedgerHolds(db.prisma));
afterAll(() => db.drop());

const now = new Date("2026-12-01T09:00:00Z");
// Each message a second after the previous one, so threads have one order.
let sentAt = now.getTime();
const send = (actorId: string, body: string, ref: { proposalId?: string; contractId?: string } = { proposalId }) =>
  sendMessage(db.prisma, { ...ref, actorId, now: new Date((sentAt += 1_000)), idempotencyKey: key(), body });

async function contractBetween(status: "ACTIVE" | "OFFERED") {
  const contract = await db.prisma.contract.create({
    data: { clientId: client, freelancerId: freelancer, type: "FIXED", title: "Work", status, feeSchedule: {}, clientFeeBps: 300, settingsVersion: 0, offeredAt: now, offerExpiresAt: now },
  });
  return contract.id;
}

describe("sendMessage", () => {
  it("lets the client and the proposing freelancer talk on the proposal; a clean message has no warning", async () => {
    const sent = await send(client, "Thanks for applying, when could you start?");
    expect(sent).toMatchObject({ recipientId: freelancer, flags: [], recipientWarning: null, createdAt: new Date(sentAt) });
    expect(await send(freelancer, "Next Monday works for me.")).toMatchObject({ recipientId: client, flags: [] });
  });

  it("flags contact details before a contract and warns the recipient, not the sender", async () => {
    const sent = await send(freelancer, "Let's move to Telegram, or mail me at sam@example.com");
    expect(sent.flags).toEqual(["email", "messenger"]);
    expect(sent.recipientWarning?.message).toMatch(/^Be careful — this message contains: email address, telegram, whatsapp or skype\. Keep the conversation on Fairlance/);
    const forClient = await listMessages(db.prisma, { actorId: client, proposalId, now, links });
    const forFreelancer = await listMessages(db.prisma, { actorId: freelancer, proposalId, now, links });
    expect(forClient.at(-1)).toMatchObject({ id: sent.messageId, mine: false, warning: sent.recipientWarning });
    expect(forFreelancer.at(-1)).toMatchObject({ id: sent.messageId, mine: true, warning: null });
  });

  it("always flags payment scams, and stops flagging contact details once a contract has started", async () => {
    const offered = await contractBetween("OFFERED");
    expect((await send(client, "Reach me at +1 415 555 0100", { contractId: offered })).flags).toEqual(["phone"]);
    const active = await contractBetween("ACTIVE");
    expect((await send(client, "Reach me at +1 415 555 0100", { contractId: active })).flags).toEqual([]);
    const scam = await send(client, "First pay the training fee in bitcoin, then we can pay outside the platform", { contractId: active });
    expect(scam.flags).toEqual(["off_platform_payment", "upfront_fee", "crypto"]);
    expect(scam.recipientWarning?.message).toContain("Never pay deposits or training fees");
  });

  it("refuses people outside the conversation, a freelancer without a proposal, and an empty message", async () => {
    await expect(send(stranger, "Hello, I would like to work for you")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(send(otherClient, "Hello")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(send(stranger, "Hello", { proposalId: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(send(client, "   ")).rejects.toMatchObject({ code: "INVALID_REQUEST", message: "Write a message." });
    await expect(sendMessage(db.prisma, { actorId: client, now, idempotencyKey: key(), body: "Hi" })).rejects.toMatchObject({
      code: "INVALID_REQUEST",
      message: "Send the message on one proposal or one contract.",
    });
  });

  it("replays the same key without a second message; the key cannot carry another message", async () => {
    const idempotencyKey = key();
    const request = { proposalId, actorId: client, now: new Date((sentAt += 1_000)), idempotencyKey, body: "Sent twice by a flaky network" };
    const first = await sendMessage(db.prisma, request);
    expect(await sendMessage(db.prisma, request)).toEqual(first);
    expect(await db.prisma.message.count({ where: { body: request.body } })).toBe(1);
    await expect(sendMessage(db.prisma, { ...request, body: "Something else" })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
  });
});

describe("listMessages", () => {
  it("shows a thread to its two people only, oldest first", async () => {
    const thread = await listMessages(db.prisma, { actorId: freelancer, proposalId, now, links });
    expect(thread[0]).toMatchObject({ body: "Thanks for applying, when could you start?", mine: false });
    await expect(listMessages(db.prisma, { actorId: stranger, proposalId, now, links })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listMessages(db.prisma, { actorId: admin, proposalId, now, links })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("listFlaggedMessages and markFlagReviewed", () => {
  it("lists flagged messages for admins; reviewing one is audit-logged, replayable, and takes it off the queue", async () => {
    const queue = (await listFlaggedMessages(db.prisma, { actorId: admin, now })).waiting;
    expect(queue.map((message) => message.flags.map((flag) => flag.patternId))).toEqual([["email", "messenger"], ["phone"], ["off_platform_payment", "upfront_fee", "crypto"]]);
    const target = queue[0]!;
    expect(target.sender.id).toBe(freelancer);
    const idempotencyKey = key();
    const request = { messageId: target.id, actorId: admin, now, idempotencyKey, reason: "Warned the freelancer" };
    const reviewed = await markFlagReviewed(db.prisma, request);
    expect(reviewed).toEqual({ messageId: target.id, reviewedAt: now });
    expect(await markFlagReviewed(db.prisma, request)).toEqual(reviewed);
    await expect(markFlagReviewed(db.prisma, { ...request, reason: "Something else" })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    await expect(markFlagReviewed(db.prisma, { ...request, idempotencyKey: key() })).rejects.toMatchObject({ code: "CONFLICT" });
    const after = await listFlaggedMessages(db.prisma, { actorId: admin, now });
    expect(after.waiting.map((message) => message.id)).not.toContain(target.id);
    expect(after.reviewed.map((message) => message.id)).toEqual([target.id]);
    expect(auditRows(await db.prisma.auditLog.findMany({ where: { targetId: target.id } }))).toEqual([
      expect.objectContaining({
        actorId: admin,
        action: "message.flag_reviewed",
        reason: "Warned the freelancer",
        before: { flags: ["email", "messenger"], reviewedAt: null },
        after: { flags: ["email", "messenger"], reviewedAt: now },
      }),
    ]);
  });

  it("refuses non-admins, clean messages and a missing note", async () => {
    await expect(listFlaggedMessages(db.prisma, { actorId: client, now })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const clean = await db.prisma.message.findFirstOrThrow({ where: { flags: { isEmpty: true } } });
    const review = (actorId: string, messageId: string, reason = "Looked at it") => markFlagReviewed(db.prisma, { messageId, actorId, now, idempotencyKey: key(), reason });
    await expect(review(admin, clean.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const flagged = await db.prisma.message.findFirstOrThrow({ where: { flags: { isEmpty: false }, reviewedAt: null } });
    await expect(review(client, flagged.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(review(admin, flagged.id, "")).rejects.toMatchObject({ code: "INVALID_REQUEST" });
  });
});
