import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COVER_LETTER, days, freelancerWithConnects, freshDatabase, key, makeUser, openJob, type TestDatabase } from "../../testing";
import { auditRows } from "../../testing/audit";
import { getAccountNotices } from "../../read/account-notices";
import { listFlaggedMessages } from "../../read/flagged-messages";
import { listMessages } from "../../read/messages";
import { attachmentLinker } from "../../files/attachment-links";
import { submitProposal } from "../jobs/submit-proposal";
import { markFlagReviewed } from "./mark-flag-reviewed";
import { removeMessage } from "./remove-message";
import { sendMessage } from "./send-message";
import { suspendSender } from "./suspend-sender";
import { warnSender } from "./warn-sender";

/** Download links in these tests (the web app signs with its secret). */
const links = attachmentLinker("test key", new Date(0));

// The moderation queue's actions on a flagged message (economy.md §5): remove it, warn or suspend
// its sender, or dismiss the flag; each with a reason, audit-logged, idempotent.
let db: TestDatabase;
let client: string;
let freelancer: string;
let admin: string;
let proposalId: string;
let contractId: string;
const now = new Date("2026-12-01T09:00:00Z");
let sentAt = now.getTime();
const send = (actorId: string, body: string, ref: { proposalId?: string; contractId?: string } = { proposalId }) =>
  sendMessage(db.prisma, { ...ref, actorId, now: new Date((sentAt += 1_000)), idempotencyKey: key(), body });
const queue = () => listFlaggedMessages(db.prisma, { actorId: admin, now });
const reason = "Asked to be paid outside Fairlance";

beforeAll(async () => {
  db = await freshDatabase();
  client = (await makeUser(db.prisma, "CLIENT", { name: "Carol Client" })).id;
  freelancer = (await freelancerWithConnects(db.prisma, 20, now, { name: "Sam Sender" })).id;
  admin = (await makeUser(db.prisma, "ADMIN")).id;
  const jobId = await openJob(db.prisma, client, now, { title: "Logo for a bakery" });
  ({ proposalId } = await submitProposal(db.prisma, { jobId, actorId: freelancer, now, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n }));
  const contract = await db.prisma.contract.create({
    data: { clientId: client, freelancerId: freelancer, type: "FIXED", title: "Bakery branding", status: "ACTIVE", feeSchedule: {}, clientFeeBps: 300, settingsVersion: 0, offeredAt: now, offerExpiresAt: now },
  });
  contractId = contract.id;
});
afterAll(() => db.drop());

describe("the flagged-message queue", () => {
  it("shows each waiting message with why it was flagged, who wrote to whom, where, and the messages before it", async () => {
    for (const body of ["Hello!", "Thanks for applying.", "When can you start?", "Monday works."]) await send(body.startsWith("Monday") ? freelancer : client, body);
    const flagged = await send(freelancer, "Pay me in bitcoin and we skip the fees");
    const onContract = await send(client, "Send me a deposit first, then I pay outside the platform", { contractId });
    const { waiting, reviewed } = await queue();
    expect(reviewed).toEqual([]);
    expect(waiting.map((m) => m.id)).toEqual([flagged.messageId, onContract.messageId]);
    const [first, second] = waiting;
    expect(first).toMatchObject({
      body: "Pay me in bitcoin and we skip the fees",
      flags: [expect.objectContaining({ patternId: "crypto" })],
      shieldWarning: expect.stringContaining("Never pay deposits"),
      sender: { id: freelancer, name: "Sam Sender", suspendedAt: null, warnings: 0 },
      recipient: { id: client, name: "Carol Client" },
      conversation: { kind: "proposal", id: proposalId, title: "Logo for a bakery" },
      removed: null,
      warning: null,
      reviewedAt: null,
    });
    // The three messages before it, oldest first, with who wrote them.
    expect(first!.context.map((m) => [m.senderName, m.body])).toEqual([
      ["Carol Client", "Thanks for applying."],
      ["Carol Client", "When can you start?"],
      ["Sam Sender", "Monday works."],
    ]);
    expect(second).toMatchObject({ conversation: { kind: "contract", id: contractId, title: "Bakery branding" }, context: [], sender: { id: client } });
  });

  it("is for admins only", async () => {
    await expect(listFlaggedMessages(db.prisma, { actorId: client, now })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("removeMessage", () => {
  it("hides the message from both people behind a notice, tells the sender why, reviews the flag, and is audit-logged", async () => {
    const target = (await queue()).waiting[0]!;
    const request = { messageId: target.id, actorId: admin, now, idempotencyKey: key(), reason };
    const removed = await removeMessage(db.prisma, request);
    expect(removed).toEqual({ messageId: target.id, removedAt: now, reviewedAt: now });

    const forSender = (await listMessages(db.prisma, { actorId: freelancer, proposalId, now, links })).find((m) => m.id === target.id);
    const forRecipient = (await listMessages(db.prisma, { actorId: client, proposalId, now, links })).find((m) => m.id === target.id);
    expect(forSender).toMatchObject({ body: "", mine: true, removed: { at: now, reason } });
    expect(forRecipient).toMatchObject({ body: "", mine: false, warning: null, removed: { at: now, reason: null } });

    const after = await queue();
    expect(after.waiting.map((m) => m.id)).not.toContain(target.id);
    expect(after.reviewed.find((m) => m.id === target.id)).toMatchObject({ removed: { at: now, reason }, reviewedAt: now });
    expect(auditRows(await db.prisma.auditLog.findMany({ where: { targetId: target.id } }))).toEqual([
      expect.objectContaining({ actorId: admin, action: "message.remove", targetType: "Message", reason, before: { removedAt: null, reviewedAt: null }, after: { removedAt: now, reviewedAt: now } }),
    ]);
  });

  it("replays the same key, refuses the key for another request, and refuses a second removal", async () => {
    const target = (await queue()).reviewed[0]!;
    const request = { messageId: target.id, actorId: admin, now, idempotencyKey: key(), reason };
    await expect(removeMessage(db.prisma, request)).rejects.toMatchObject({ code: "CONFLICT", message: "This message was already removed." });
    const other = (await send(freelancer, "Another message, removed twice by a double click")).messageId;
    const once = { ...request, messageId: other };
    const first = await removeMessage(db.prisma, once);
    expect(await removeMessage(db.prisma, once)).toEqual(first);
    await expect(removeMessage(db.prisma, { ...once, reason: "Something else entirely" })).rejects.toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
    // A message that was never flagged has no flag to review.
    expect(first.reviewedAt).toBeNull();
    expect(await db.prisma.auditLog.count({ where: { targetId: other } })).toBe(1);
  });
});

describe("warnSender", () => {
  it("records a warning shown on the sender's dashboard for 30 days, reviews the flag, and is audit-logged", async () => {
    const target = (await queue()).waiting[0]!;
    const warned = await warnSender(db.prisma, { messageId: target.id, actorId: admin, now, idempotencyKey: key(), reason: "Payments stay on Fairlance" });
    expect(warned).toMatchObject({ userId: client, messageId: target.id, createdAt: now, warnings: 1 });
    expect(await getAccountNotices(db.prisma, { actorId: client, now: days(now, 29) })).toEqual({
      warnings: [{ id: warned.warningId, reason: "Payments stay on Fairlance", createdAt: now }],
      unconfirmedEmail: null,
    });
    expect(await getAccountNotices(db.prisma, { actorId: client, now: days(now, 31) })).toEqual({ warnings: [], unconfirmedEmail: null });
    expect(await getAccountNotices(db.prisma, { actorId: freelancer, now })).toEqual({ warnings: [], unconfirmedEmail: null });

    const after = await queue();
    expect(after.waiting.map((m) => m.id)).not.toContain(target.id);
    expect(after.reviewed.find((m) => m.id === target.id)).toMatchObject({ warning: { at: now, reason: "Payments stay on Fairlance" }, sender: { warnings: 1 } });
    expect(auditRows(await db.prisma.auditLog.findMany({ where: { targetId: client, action: "user.warn" } }))).toEqual([
      expect.objectContaining({ actorId: admin, targetType: "User", before: { warnings: 0 }, after: { warnings: 1, messageId: target.id } }),
    ]);
  });

  it("gives one warning per message however many admins send it at once", async () => {
    const { messageId } = await send(freelancer, "Let us settle this in crypto please");
    const attempts = await Promise.allSettled(
      Array.from({ length: 4 }, () => warnSender(db.prisma, { messageId, actorId: admin, now, idempotencyKey: key(), reason: "Payments stay on Fairlance" })),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    expect(attempts.filter((a) => a.status === "rejected").map((a) => (a as PromiseRejectedResult).reason)).toEqual(
      Array(3).fill(expect.objectContaining({ code: "CONFLICT", message: "Sam Sender was already warned about this message." })),
    );
    expect(await db.prisma.warning.count({ where: { messageId } })).toBe(1);
    const again = { messageId, actorId: admin, now, idempotencyKey: key(), reason: "A second look" };
    await expect(warnSender(db.prisma, again)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("suspendSender", () => {
  it("suspends the sender as the people page does (sessions end, they see why), reviews the flag, and is audit-logged", async () => {
    const { messageId } = await send(freelancer, "Pay the training fee first, via bitcoin");
    const request = { messageId, actorId: admin, now, idempotencyKey: key(), reason: "Repeated payment scams" };
    const suspended = await suspendSender(db.prisma, request);
    expect(suspended).toEqual({ userId: freelancer, suspendedAt: now, suspendedReason: "Repeated payment scams", messageId });
    expect(await suspendSender(db.prisma, request)).toEqual(suspended);
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: freelancer }, select: { suspendedAt: true, suspendedReason: true, sessionVersion: true } })).toEqual({
      suspendedAt: now,
      suspendedReason: "Repeated payment scams",
      sessionVersion: 1,
    });
    expect((await db.prisma.message.findUniqueOrThrow({ where: { id: messageId } })).reviewedAt).toEqual(now);
    expect(auditRows(await db.prisma.auditLog.findMany({ where: { targetId: freelancer, action: "user.suspend" } }))).toEqual([
      expect.objectContaining({ actorId: admin, reason: "Repeated payment scams", before: { suspendedAt: null, suspendedReason: null }, after: {
          suspendedAt: now,
          suspendedReason: "Repeated payment scams",
          // What the suspension did (economy.md §5.3): the sender's proposal paused, the client of their contract told.
          jobsPaused: 0,
          proposalsPaused: 1,
          offersWithdrawn: 0,
          escrowRefundedMinor: 0n,
          contractsNotified: 1,
          payoutsHeld: false,
        },
      }),
    ]);
    await expect(suspendSender(db.prisma, { ...request, idempotencyKey: key() })).rejects.toMatchObject({ code: "CONFLICT", message: "Sam Sender is already suspended." });
  });
});

describe("dismissing a flag and who may act", () => {
  it("dismisses a flag with a note; an acted-on flag cannot be dismissed again", async () => {
    const { messageId } = await send(client, "Can you pay the deposit by wire first?", { contractId });
    await markFlagReviewed(db.prisma, { messageId, actorId: admin, now, idempotencyKey: key(), reason: "A real deposit question, no scam" });
    expect((await queue()).waiting.map((m) => m.id)).not.toContain(messageId);
    const removed = (await queue()).reviewed.find((m) => m.removed)!;
    await expect(markFlagReviewed(db.prisma, { messageId: removed.id, actorId: admin, now, idempotencyKey: key(), reason: "Looked at it" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses non-admins, a message that does not exist and a reason too short", async () => {
    const { messageId } = await send(client, "Pay outside the platform and save the fee", { contractId });
    for (const act of [removeMessage, warnSender, suspendSender]) {
      await expect(act(db.prisma, { messageId, actorId: client, now, idempotencyKey: key(), reason })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(act(db.prisma, { messageId: "00000000-0000-4000-8000-000000000000", actorId: admin, now, idempotencyKey: key(), reason })).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "This message does not exist.",
      });
      await expect(act(db.prisma, { messageId, actorId: admin, now, idempotencyKey: key(), reason: "no" })).rejects.toMatchObject({
        code: "INVALID_REQUEST",
        message: "Say why (at least 5 characters); the sender sees it.",
      });
    }
    expect((await queue()).waiting.map((m) => m.id)).toContain(messageId);
  });
});
