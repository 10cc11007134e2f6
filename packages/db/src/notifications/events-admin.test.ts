import { addDays } from "@fairlance/rules";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { activeFixedContract, assertLedgerHolds, freshDatabase, grantConnects, key, makeUser, makeVerifiedClient, NOW, type TestDatabase } from "../testing";
import { adminRevokeConnects } from "../services/connects/admin-revoke-connects";
import { suspendUser, unsuspendUser } from "../services/admin/suspend-user";
import { hideFeedback, unhideFeedback } from "../services/feedback/hide-feedback";
import { leaveFeedback } from "../services/feedback/leave-feedback";
import { clientStars, endedPaidContract } from "../services/feedback/test-helpers";
import { removeMessage } from "../services/messages/remove-message";
import { sendMessage } from "../services/messages/send-message";
import { suspendSender } from "../services/messages/suspend-sender";
import { warnSender } from "../services/messages/warn-sender";
import { endSessions } from "../services/sessions/end-sessions";
import { notificationsWrittenBy } from "./test-helpers";

// What an admin does on a person's account, told to that person (economy.md §11).
let db: TestDatabase;
let admin: string;
beforeAll(async () => {
  db = await freshDatabase();
  admin = (await makeUser(db.prisma, "ADMIN")).id;
});
afterEach(() => assertLedgerHolds(db.prisma));
afterAll(() => db.drop());

const written = (action: () => Promise<unknown>) => notificationsWrittenBy(db.prisma, action);

describe("suspension", () => {
  it("tells the person of each suspension with its reason and of its lifting; replays and refusals tell no one", async () => {
    const person = await makeUser(db.prisma, "FREELANCER");
    const suspend = { actorId: admin, idempotencyKey: key(), now: NOW, userId: person.id, reason: "Payment outside the platform." };
    const suspended = await written(() => suspendUser(db.prisma, suspend));
    expect(suspended).toEqual([
      {
        userId: person.id,
        kind: "account_suspended",
        eventKey: expect.stringMatching(/^account_suspended:\d+$/),
        link: "/dashboard",
        title: "Your account is suspended",
        body: "An admin suspended your account: Payment outside the platform. You can sign in, read, receive what you are owed and withdraw your balance, but not post, propose, message, hire or pay; your open jobs and proposals are paused.",
        data: { reason: "Payment outside the platform" },
      },
    ]);
    expect(await written(() => suspendUser(db.prisma, suspend))).toEqual([]);
    expect(await written(() => expect(suspendUser(db.prisma, { ...suspend, idempotencyKey: key() })).rejects.toMatchObject({ code: "CONFLICT" }))).toEqual([]);
    expect(await written(() => expect(suspendUser(db.prisma, { ...suspend, idempotencyKey: key(), actorId: person.id })).rejects.toMatchObject({ code: "FORBIDDEN" }))).toEqual([]);

    const lift = { ...suspend, idempotencyKey: key(), reason: "Explained and resolved." };
    expect(await written(() => unsuspendUser(db.prisma, lift))).toMatchObject([
      { userId: person.id, kind: "account_unsuspended", title: "Your account is active again", data: {} },
    ]);
    // Suspended a second time, at the same moment: a second event, told again.
    expect(await written(() => suspendUser(db.prisma, { ...suspend, idempotencyKey: key() }))).toMatchObject([{ userId: person.id, kind: "account_suspended" }]);
  });
});

describe("moderation of messages", () => {
  async function message(body: string) {
    const client = await makeVerifiedClient(db.prisma);
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    const { contractId } = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, milestones: [10_000n] });
    const sent = await sendMessage(db.prisma, { actorId: freelancer.id, now: NOW, idempotencyKey: key(), contractId, body });
    return { sender: freelancer.id, contractId, messageId: sent.messageId };
  }

  it("tells the sender of a removed message and a warning, with the reason and where it was", async () => {
    const { sender, contractId, messageId } = await message("Pay me directly at my bank, it is cheaper.");
    const notMessages = (notes: { kind: string }[]) => notes.filter((n) => n.kind !== "message_received");
    const remove = { actorId: admin, idempotencyKey: key(), now: NOW, messageId, reason: "Asking to be paid outside Fairlance." };
    expect(notMessages(await written(() => removeMessage(db.prisma, remove)))).toEqual([
      {
        userId: sender,
        kind: "message_removed",
        eventKey: `message_removed:${messageId}`,
        link: `/contracts/${contractId}`,
        title: "One of your messages was removed",
        body: "An admin removed a message you sent: Asking to be paid outside Fairlance.",
        data: { reason: "Asking to be paid outside Fairlance" },
      },
    ]);
    expect(await written(() => removeMessage(db.prisma, remove))).toEqual([]);
    expect(await written(() => expect(removeMessage(db.prisma, { ...remove, idempotencyKey: key() })).rejects.toMatchObject({ code: "CONFLICT" }))).toEqual([]);

    const warn = { actorId: admin, idempotencyKey: key(), now: NOW, messageId, reason: "Keep payments on Fairlance." };
    const warning = await written(() => warnSender(db.prisma, warn));
    expect(warning).toMatchObject([{ userId: sender, kind: "account_warned", link: "/dashboard", data: { reason: "Keep payments on Fairlance" } }]);
    expect(warning[0]!.body).toBe("An admin warned you about a message: Keep payments on Fairlance.");
    expect(await written(() => warnSender(db.prisma, warn))).toEqual([]);
    expect(await written(() => expect(warnSender(db.prisma, { ...warn, idempotencyKey: key() })).rejects.toMatchObject({ code: "CONFLICT" }))).toEqual([]);

    // The client of the sender's contract is told too, without the reason (economy.md §5.3).
    // Both are written in one transaction at the same moment: compared by kind, not by their order.
    const suspended = (await written(() => suspendSender(db.prisma, { actorId: admin, idempotencyKey: key(), now: NOW, messageId, reason: "Repeated." }))).sort((a, b) => a.kind.localeCompare(b.kind));
    expect(suspended).toMatchObject([
      { userId: sender, kind: "account_suspended", data: { reason: "Repeated" } },
      { kind: "party_suspended", link: `/contracts/${contractId}`, data: { jobTitle: "Fixed work", suspendedSide: "freelancer" } },
    ]);
    expect(suspended[1]!.body).not.toContain("Repeated");
  });
});

describe("feedback hidden, sessions ended", () => {
  it("tells the author why their feedback was hidden; showing it again tells no one", async () => {
    const client = await makeUser(db.prisma, "CLIENT");
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    const endedAt = new Date("2026-12-01T09:00:00Z");
    const contractId = await endedPaidContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, endedAt });
    const title = (await db.prisma.contract.findUniqueOrThrow({ where: { id: contractId } })).title;
    const { feedbackId } = await leaveFeedback(db.prisma, { actorId: client.id, idempotencyKey: key(), now: addDays(endedAt, 1), contractId, ...clientStars(1), comment: "Terrible, do not hire." });
    const hide = { actorId: admin, idempotencyKey: key(), now: addDays(endedAt, 20), feedbackId, reason: "Personal attack." };
    // Still blind: it cannot be hidden, and no one is told.
    expect(await written(() => expect(hideFeedback(db.prisma, { ...hide, now: addDays(endedAt, 2) })).rejects.toMatchObject({ code: "CONFLICT" }))).toEqual([]);
    const hidden = await written(() => hideFeedback(db.prisma, hide));
    expect(hidden).toEqual([
      {
        userId: client.id,
        kind: "feedback_hidden",
        eventKey: expect.stringMatching(/^feedback_hidden:\d+$/),
        link: `/contracts/${contractId}`,
        title: "Feedback you left was hidden",
        body: `An admin hid your feedback on “${title}”: Personal attack.`,
        data: { jobTitle: title, reason: "Personal attack" },
      },
    ]);
    expect(await written(() => hideFeedback(db.prisma, hide))).toEqual([]);
    expect(await written(() => unhideFeedback(db.prisma, { ...hide, idempotencyKey: key(), reason: "Reviewed again." }))).toEqual([]);
  });

  it("tells the person every session was ended and why", async () => {
    const person = await makeUser(db.prisma, "CLIENT");
    const end = { actorId: admin, idempotencyKey: key(), now: NOW, userId: person.id, reason: "Your password was found in a leak." };
    expect(await written(() => endSessions(db.prisma, end))).toMatchObject([
      { userId: person.id, kind: "sessions_ended", link: "/account", body: "Every session of your account was ended: Your password was found in a leak.", data: { reason: "Your password was found in a leak" } },
    ]);
    expect(await written(() => endSessions(db.prisma, end))).toEqual([]);
    expect(await written(() => expect(endSessions(db.prisma, { ...end, idempotencyKey: key(), actorId: person.id })).rejects.toMatchObject({ code: "FORBIDDEN" }))).toEqual([]);
  });
});

describe("connects taken back", () => {
  it("tells the freelancer how many connects an admin took back, the balance left and why", async () => {
    const freelancer = await makeUser(db.prisma, "FREELANCER");
    await grantConnects(db.prisma, freelancer.id, 20, NOW);
    const revoke = { actorId: admin, idempotencyKey: key(), now: NOW, freelancerId: freelancer.id, connects: 8, reason: "Granted twice by mistake." };
    const notes = await written(() => adminRevokeConnects(db.prisma, revoke));
    expect(notes).toMatchObject([
      { userId: freelancer.id, kind: "connects_revoked", eventKey: expect.stringMatching(/^connects_revoked:\d+$/), link: "/connects", data: { connects: 8, balance: 12, reason: "Granted twice by mistake" } },
    ]);
    expect(notes[0]!.title).toBe("8 connects taken back");
    expect(notes[0]!.body).toBe("An admin took back 8 connects: Granted twice by mistake. Your balance is 12 connects.");
    expect(await written(() => adminRevokeConnects(db.prisma, revoke))).toEqual([]);
    expect(await written(() => expect(adminRevokeConnects(db.prisma, { ...revoke, idempotencyKey: key(), connects: 13 })).rejects.toMatchObject({ code: "INSUFFICIENT_CONNECTS" }))).toEqual([]);
  });
});
