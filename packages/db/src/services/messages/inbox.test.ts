import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ATTACHMENT_RULES } from "@fairlance/rules";
import {
  activeFixedContract,
  COVER_LETTER,
  days,
  freelancerWithConnects,
  freshDatabase,
  key,
  makeUser,
  makeVerifiedClient,
  openJob,
  RecordingGateway,
  TEST_FILES,
  type TestDatabase,
} from "../../testing";
import { attachmentLinker, checkAttachmentLink } from "../../files/attachment-links";
import { LocalFileStore } from "../../files/local-store";
import { setFileStoreForTests } from "../../files/config";
import { attachmentForDownload } from "../../read/attachments";
import { countUnreadMessages, getConversation, likePattern, listConversations } from "../../read/inbox";
import { listMessages } from "../../read/messages";
import { getContractPage } from "../../read/contract-pages";
import { fundMilestone } from "../contracts/fund-milestone";
import { submitWork } from "../contracts/submit-work";
import { disputeMilestone } from "../disputes/open-dispute";
import { addStatement } from "../disputes/add-statement";
import { submitProposal } from "../jobs/submit-proposal";
import { removeJob } from "../jobs/remove-job";
import { deleteUnattachedUploads } from "./delete-unattached-uploads";
import { markConversationRead, markConversationUnread } from "./mark-conversation-read";
import { sendMessage } from "./send-message";
import { uploadAttachment } from "./upload-attachment";

let db: TestDatabase;
let store: LocalFileStore;
const gateway = new RecordingGateway();
const start = new Date("2026-12-01T09:00:00Z");
const LINK_KEY = "inbox test key";
// Everything happens a second after the previous event, so conversations have one order.
let clock = start.getTime();
const tick = () => new Date((clock += 1_000));

let client: { id: string; role: "CLIENT" };
let freelancer: { id: string; role: "FREELANCER" };
let stranger: { id: string; role: "FREELANCER" };
let admin: { id: string; role: "ADMIN" };

beforeAll(async () => {
  db = await freshDatabase({ max: 12 });
  store = new LocalFileStore(await mkdtemp(join(tmpdir(), "fairlance-inbox-")));
  setFileStoreForTests(store);
  client = { id: (await makeVerifiedClient(db.prisma, { name: "Carla Client" })).id, role: "CLIENT" };
  freelancer = { id: (await freelancerWithConnects(db.prisma, 200, start, { name: "Frank Freelancer" })).id, role: "FREELANCER" };
  stranger = { id: (await freelancerWithConnects(db.prisma, 50, start)).id, role: "FREELANCER" };
  admin = { id: (await makeUser(db.prisma, "ADMIN")).id, role: "ADMIN" };
});
afterAll(async () => {
  setFileStoreForTests(undefined);
  await db.drop();
});

async function proposal(title = "Build a landing page") {
  const jobId = await openJob(db.prisma, client.id, start, { title });
  const { proposalId } = await submitProposal(db.prisma, { jobId, actorId: freelancer.id, now: start, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n });
  return { jobId, proposalId };
}
const send = (actorId: string, body: string, ref: { proposalId?: string; contractId?: string }, attachmentIds?: string[]) =>
  sendMessage(db.prisma, { ...ref, actorId, now: tick(), idempotencyKey: key(), body, ...(attachmentIds ? { attachmentIds } : {}) });
const inbox = (who: { id: string }, query: { cursor?: string | null; search?: string | null } = {}) => listConversations(db.prisma, { actorId: who.id, now: tick(), ...query });
const upload = (who: { id: string }, bytes: Uint8Array, name = "file.bin") => uploadAttachment(db.prisma, { actorId: who.id, now: tick(), file: { name, bytes } });

describe("the inbox (economy.md §5.1)", () => {
  let proposalThread: string;
  let contractThread: string;
  let disputeThread: string;

  it("lists proposal, contract and dispute conversations, newest activity first, with the other person, the job and unread counts", async () => {
    ({ proposalId: proposalThread } = await proposal("Design a logo"));
    await send(freelancer.id, "Happy to start on the logo next week.", { proposalId: proposalThread });
    await send(client.id, "Great, what would you need from us?", { proposalId: proposalThread });

    const offer = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, milestones: [50_000n], now: start });
    contractThread = offer.contractId;
    await send(freelancer.id, "The first draft is up.", { contractId: contractThread });

    const milestoneId = offer.milestoneIds[0]!;
    await fundMilestone(db.prisma, { actorId: client.id, idempotencyKey: key(), now: tick(), milestoneId }, { gateway });
    const dispute = await disputeMilestone(db.prisma, {
      actorId: client.id,
      idempotencyKey: key(),
      now: tick(),
      milestoneId,
      reason: "Nothing delivered",
      statement: "Nothing was delivered by the agreed date.",
      links: [],
    });
    disputeThread = dispute.disputeId;

    const mine = await inbox(freelancer);
    expect(mine.conversations.map((c) => `${c.kind}:${c.id}`)).toEqual([`dispute:${disputeThread}`, `contract:${contractThread}`, `proposal:${proposalThread}`]);
    const [d, c, p] = mine.conversations;
    expect(p).toMatchObject({
      kind: "proposal",
      href: `/messages/proposal/${proposalThread}`,
      subject: "Design a logo",
      with: [{ id: client.id, name: "Carla Client", role: "CLIENT" }],
      last: { preview: "Great, what would you need from us?", byViewer: false, byName: "Carla Client" },
      unread: 1,
      closed: null,
    });
    expect(c).toMatchObject({ kind: "contract", last: { preview: "The first draft is up.", byViewer: true }, unread: 0 });
    // The dispute's opening statement by the client counts, and so does its opening.
    expect(d).toMatchObject({ kind: "dispute", with: [{ id: client.id, role: "CLIENT" }], unread: 2 });
    expect(mine.unreadTotal).toBe(3);
    expect(await countUnreadMessages(db.prisma, freelancer)).toBe(3);

    const theirs = await inbox(client);
    expect(theirs.conversations.find((row) => row.kind === "contract")).toMatchObject({ unread: 1, with: [{ id: freelancer.id, name: "Frank Freelancer", role: "FREELANCER" }] });
    expect(theirs.conversations.find((row) => row.kind === "dispute")).toMatchObject({ unread: 0 });
    expect(theirs.unreadTotal).toBe(2);
  });

  it("opening a conversation marks it read; a later message is unread again; reading never goes back", async () => {
    await markConversationRead(db.prisma, { actorId: freelancer.id, now: tick(), kind: "proposal", id: proposalThread });
    expect((await inbox(freelancer)).conversations.find((row) => row.id === proposalThread)?.unread).toBe(0);
    await send(client.id, "Any news?", { proposalId: proposalThread });
    await send(client.id, "Also: the colours are blue and white.", { proposalId: proposalThread });
    expect((await inbox(freelancer)).conversations[0]).toMatchObject({ id: proposalThread, unread: 2, last: { preview: "Also: the colours are blue and white." } });
    const read = await markConversationRead(db.prisma, { actorId: freelancer.id, now: tick(), kind: "proposal", id: proposalThread });
    const again = await markConversationRead(db.prisma, { actorId: freelancer.id, now: tick(), kind: "proposal", id: proposalThread });
    expect(again.lastReadAt).toEqual(read.lastReadAt);
    expect(await countUnreadMessages(db.prisma, freelancer)).toBe(2);
    await markConversationRead(db.prisma, { actorId: freelancer.id, now: tick(), kind: "dispute", id: disputeThread });
    expect(await countUnreadMessages(db.prisma, freelancer)).toBe(0);
  });

  it("mark as unread: the latest message from the other person counts again; one's own messages never do", async () => {
    const unread = await markConversationUnread(db.prisma, { actorId: freelancer.id, now: tick(), kind: "proposal", id: proposalThread });
    expect(unread.changed).toBe(true);
    expect((await inbox(freelancer)).conversations.find((row) => row.id === proposalThread)?.unread).toBe(1);
    expect(await countUnreadMessages(db.prisma, freelancer)).toBe(1);
    await markConversationRead(db.prisma, { actorId: freelancer.id, now: tick(), kind: "proposal", id: proposalThread });
    // A conversation where only the client has written has nothing to mark unread for the client.
    const { contractId } = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, milestones: [10_000n], now: start });
    await send(client.id, "Only me so far", { contractId });
    expect(await markConversationUnread(db.prisma, { actorId: client.id, now: tick(), kind: "contract", id: contractId })).toMatchObject({ changed: false });
    expect(await countUnreadMessages(db.prisma, freelancer)).toBe(1);
    await markConversationRead(db.prisma, { actorId: freelancer.id, now: tick(), kind: "contract", id: contractId });
    expect(await countUnreadMessages(db.prisma, freelancer)).toBe(0);
  });

  it("a stranger can neither open nor mark someone else's conversation; an admin sees the disputes, not the others", async () => {
    for (const [kind, id] of [["proposal", proposalThread], ["contract", contractThread], ["dispute", disputeThread]] as const) {
      await expect(getConversation(db.prisma, { actorId: stranger.id, kind, id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "This conversation does not exist." });
      await expect(markConversationRead(db.prisma, { actorId: stranger.id, now: tick(), kind, id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await inbox(stranger)).conversations).toEqual([]);
    await expect(getConversation(db.prisma, { actorId: admin.id, kind: "proposal", id: proposalThread })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const adminInbox = await inbox(admin);
    expect(adminInbox.conversations.map((row) => row.id)).toEqual([disputeThread]);
    expect(adminInbox.conversations[0]!.with.map((person) => person.role).sort()).toEqual(["CLIENT", "FREELANCER"]);
    await addStatement(db.prisma, { actorId: admin.id, now: tick(), idempotencyKey: key(), disputeId: disputeThread, text: "Please both share the delivery dates you agreed.", links: [] });
    const view = await getConversation(db.prisma, { actorId: freelancer.id, kind: "dispute", id: disputeThread });
    expect(view).toMatchObject({ canReply: false, context: { href: `/disputes/${disputeThread}` } });
    expect(view.statements?.map((s) => s.side)).toEqual(["client", "admin"]);
    expect((await inbox(freelancer)).conversations[0]).toMatchObject({ id: disputeThread, unread: 1, last: { byName: "Fairlance mediator" } });
  });

  it("pages by cursor: a conversation starting meanwhile neither repeats nor skips a row on the next page", async () => {
    const person = await makeVerifiedClient(db.prisma);
    const threads: string[] = [];
    for (let i = 0; i < 23; i += 1) {
      const jobId = await openJob(db.prisma, person.id, start, { title: `Paged job number ${i + 1}` });
      const { proposalId } = await submitProposal(db.prisma, { jobId, actorId: freelancer.id, now: start, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n });
      await send(person.id, `Hello number ${i + 1}`, { proposalId });
      threads.unshift(proposalId);
    }
    const who = { id: person.id };
    const first = await inbox(who);
    expect(first.conversations.map((row) => row.id)).toEqual(threads.slice(0, 20));
    expect(first.nextCursor).not.toBeNull();
    // A new conversation comes first now; the next page still starts where the first ended.
    const jobId = await openJob(db.prisma, person.id, start, { title: "A late job" });
    const late = await submitProposal(db.prisma, { jobId, actorId: freelancer.id, now: start, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n });
    await send(freelancer.id, "I am late", { proposalId: late.proposalId });
    const second = await inbox(who, { cursor: first.nextCursor });
    expect(second.conversations.map((row) => row.id)).toEqual(threads.slice(20));
    expect(second.nextCursor).toBeNull();
    expect((await inbox(who)).conversations[0]!.id).toBe(late.proposalId);
    await expect(inbox(who, { cursor: "not a cursor" })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
  });

  it("searches one's own messages only; % and _ are themselves; at least 2 characters", async () => {
    const { proposalId } = await proposal("Write copy");
    await send(freelancer.id, "My rate is 100% fair, see file_v2", { proposalId });
    await send(client.id, "Agreed, 100 percent", { proposalId });
    expect(likePattern("100%_x\\")).toBe("%100\\%\\_x\\\\%");
    const byPercent = await inbox(client, { search: "100%" });
    expect(byPercent.conversations.map((row) => row.id)).toEqual([proposalId]);
    expect(byPercent.conversations[0]!.last).toMatchObject({ preview: "My rate is 100% fair, see file_v2", byViewer: false });
    // "_" matches only an underscore, not any character ("filexv2" is not there).
    expect((await inbox(client, { search: "file_v2" })).conversations.map((row) => row.id)).toEqual([proposalId]);
    expect((await inbox(client, { search: "e_v" })).conversations.map((row) => row.id)).toEqual([proposalId]);
    expect((await inbox(client, { search: "le%2" })).conversations).toEqual([]);
    expect((await inbox(client, { search: "AGREED, 100" })).conversations.map((row) => row.id)).toEqual([proposalId]);
    // Statements too; and nobody finds what is not theirs.
    expect((await inbox(freelancer, { search: "delivery dates" })).conversations.map((row) => row.kind)).toEqual(["dispute"]);
    expect((await inbox(stranger, { search: "100%" })).conversations).toEqual([]);
    await expect(inbox(client, { search: "a" })).rejects.toMatchObject({ code: "INVALID_REQUEST", message: "Type at least 2 characters to search your messages." });
    await expect(inbox(client, { search: "x".repeat(101) })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
  });

  it("a removed job closes its conversations: readable, shown as closed, new messages refused", async () => {
    const { jobId, proposalId } = await proposal("A job that breaks the rules");
    await send(freelancer.id, "Here is my proposal.", { proposalId });
    await removeJob(db.prisma, { actorId: admin.id, now: tick(), idempotencyKey: key(), jobId, reason: "Spam posting" }, { gateway });
    await expect(send(client.id, "Still there?", { proposalId })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^Fairlance removed this job .* conversation is closed/) });
    await expect(send(freelancer.id, "Hello?", { proposalId })).rejects.toMatchObject({ code: "CONFLICT" });
    const row = (await inbox(client)).conversations.find((c) => c.id === proposalId);
    expect(row?.closed).toMatch(/^Fairlance removed this job/);
    expect(await getConversation(db.prisma, { actorId: client.id, kind: "proposal", id: proposalId })).toMatchObject({ canReply: false, closed: expect.any(String) });
    expect(await listMessages(db.prisma, { actorId: client.id, proposalId, now: tick(), links: attachmentLinker(LINK_KEY, start) })).toHaveLength(1);
  });
});

describe("message received (economy.md §11)", () => {
  it("tells the recipient once per message, with the sender, the job and a preview, linking to the conversation", async () => {
    const { proposalId } = await proposal("Notify me");
    const idempotencyKey = key();
    const input = { proposalId, actorId: freelancer.id, now: tick(), idempotencyKey, body: "I can start on Monday,\n  with the wireframes first." };
    const sent = await sendMessage(db.prisma, input);
    await sendMessage(db.prisma, input); // a replay of the same request
    const notes = await db.prisma.notification.findMany({ where: { eventKey: `message:${sent.messageId}` } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      userId: client.id,
      kind: "message_received",
      category: "messages",
      title: "New message from Frank Freelancer",
      body: expect.stringContaining("I can start on Monday, with the wireframes first."),
      link: `/messages/proposal/${proposalId}`,
    });
    expect(await db.prisma.notification.count({ where: { userId: freelancer.id, eventKey: `message:${sent.messageId}` } })).toBe(0);
  });

  it("never quotes a flagged message, and a refused message tells nobody", async () => {
    const { jobId, proposalId } = await proposal("Flag me");
    const flagged = await send(freelancer.id, "Pay me in bitcoin and we skip the fees", { proposalId });
    const note = await db.prisma.notification.findFirstOrThrow({ where: { eventKey: `message:${flagged.messageId}` } });
    expect(note.body).not.toContain("bitcoin");
    expect(note.body).toContain("The scam shield flagged this message");
    await removeJob(db.prisma, { actorId: admin.id, now: tick(), idempotencyKey: key(), jobId, reason: "Spam posting" }, { gateway });
    const before = await db.prisma.notification.count();
    await expect(send(client.id, "Hello?", { proposalId })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.prisma.notification.count()).toBe(before);
  });
});

describe("attachments (economy.md §5.1)", () => {
  it("takes the kinds it should, typed by their bytes, with a clean name", async () => {
    const expected = { pdf: "application/pdf", text: "text/plain", gif: "image/gif", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", odt: "application/vnd.oasis.opendocument.text", zip: "application/zip" } as const;
    for (const [kind, type] of Object.entries(expected)) {
      const uploaded = await upload(freelancer, TEST_FILES[kind as keyof typeof expected], `../secret/${kind}.bin`);
      expect(uploaded).toMatchObject({ contentType: type, sizeBytes: TEST_FILES[kind as keyof typeof expected].byteLength });
      expect(uploaded.fileName).toMatch(/^[a-z]+\.bin\.[a-z]+$/);
      const row = await db.prisma.attachment.findUniqueOrThrow({ where: { id: uploaded.attachmentId } });
      expect(row.fileKey).toMatch(/^attachments\/[0-9a-f-]{36}$/);
      expect(await store.get(row.fileKey)).toMatchObject({ contentType: type });
    }
    const png = await upload(client, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "photo.png");
    expect(png).toMatchObject({ contentType: "image/png", fileName: "photo.png" });
  });

  it("refuses empty, unknown, binary and oversized files with a sentence, and stores nothing", async () => {
    const before = await db.prisma.attachment.count();
    const refused = async (bytes: Uint8Array, message: string | RegExp) =>
      expect(upload(freelancer, bytes, "x.pdf")).rejects.toMatchObject({ code: "INVALID_REQUEST", message, details: { issues: [{ path: "file" }] } });
    await refused(new Uint8Array(0), "The file is empty: choose a file with something in it.");
    await refused(TEST_FILES.exe, /^This file cannot be attached: attach a PDF, an image/);
    await refused(TEST_FILES.binaryText, /^This file cannot be attached/);
    await refused(TEST_FILES.latin1, /^This file cannot be attached/);
    await refused(new Uint8Array([...new TextEncoder().encode("BM"), 0x3a, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0]), /^A BMP image cannot be attached/);
    const big = new Uint8Array(ATTACHMENT_RULES.defaultMaxBytes + 1).fill(0x61);
    await refused(big, "The file is larger than 10 MB; an attachment can be at most 10 MB. Choose a smaller one.");
    await expect(upload(admin, TEST_FILES.pdf)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.prisma.attachment.count()).toBe(before);
  });

  it("a message takes its sender's own uploads, once; the parties and admins download them through signed links", async () => {
    const { proposalId } = await proposal("Files please");
    const brief = await upload(client, TEST_FILES.pdf, "brief.pdf");
    const notes = await upload(client, TEST_FILES.text, "notes.txt");
    const theirs = await upload(freelancer, TEST_FILES.pdf, "mine.pdf");
    await expect(send(client.id, "Here", { proposalId }, [theirs.attachmentId])).rejects.toMatchObject({ code: "INVALID_REQUEST", details: { issues: [{ path: "attachmentIds" }] } });
    await expect(send(client.id, "Here", { proposalId }, [brief.attachmentId, brief.attachmentId])).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    const tooMany = Array.from({ length: ATTACHMENT_RULES.maxFilesPerMessage + 1 }, () => crypto.randomUUID());
    await expect(send(client.id, "Here", { proposalId }, tooMany)).rejects.toMatchObject({ code: "INVALID_REQUEST", message: "Attach at most 5 files at a time." });
    const sent = await send(client.id, "The brief and my notes.", { proposalId }, [brief.attachmentId, notes.attachmentId]);
    // Taken once: a second message cannot take them again.
    await expect(send(client.id, "Again", { proposalId }, [brief.attachmentId])).rejects.toMatchObject({ code: "INVALID_REQUEST" });

    const now = tick();
    const links = attachmentLinker(LINK_KEY, now);
    const [message] = (await listMessages(db.prisma, { actorId: freelancer.id, proposalId, now, links })).filter((m) => m.id === sent.messageId);
    expect(message!.attachments.map((a) => a.fileName)).toEqual(["brief.pdf", "notes.txt"]);
    const url = new URL(message!.attachments[0]!.url, "http://localhost");
    expect(url.pathname).toBe(`/files/attachments/${brief.attachmentId}`);
    const link = { attachmentId: brief.attachmentId, expires: url.searchParams.get("expires"), sig: url.searchParams.get("sig") };
    expect(checkAttachmentLink(LINK_KEY, link, now)).toBe("ok");
    expect(checkAttachmentLink(LINK_KEY, link, new Date(now.getTime() + 15 * 60_000 + 1_000))).toBe("expired");
    expect(checkAttachmentLink("another key", link, now)).toBe("invalid");
    expect(checkAttachmentLink(LINK_KEY, { ...link, attachmentId: notes.attachmentId }, now)).toBe("invalid");
    expect(checkAttachmentLink(LINK_KEY, { ...link, expires: String(Number(link.expires) + 3_600) }, now)).toBe("invalid");
    expect(checkAttachmentLink(LINK_KEY, { ...link, sig: null }, now)).toBe("invalid");

    for (const who of [client, freelancer, admin]) {
      await expect(attachmentForDownload(db.prisma, { attachmentId: brief.attachmentId, viewer: who })).resolves.toMatchObject({ fileName: "brief.pdf", contentType: "application/pdf" });
    }
    await expect(attachmentForDownload(db.prisma, { attachmentId: brief.attachmentId, viewer: stranger })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // An upload nothing took yet is its uploader's only.
    await expect(attachmentForDownload(db.prisma, { attachmentId: theirs.attachmentId, viewer: freelancer })).resolves.toMatchObject({ fileName: "mine.pdf" });
    await expect(attachmentForDownload(db.prisma, { attachmentId: theirs.attachmentId, viewer: client })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the scam shield still reads the text of a message with files", async () => {
    const { proposalId } = await proposal("Shielded");
    const file = await upload(freelancer, TEST_FILES.pdf, "invoice.pdf");
    const sent = await send(freelancer.id, "Pay the deposit in bitcoin please", { proposalId }, [file.attachmentId]);
    expect(sent.flags).toEqual(expect.arrayContaining(["crypto"]));
  });

  it("submitted work carries files, shown on the contract page for both parties", async () => {
    const offer = await activeFixedContract(db.prisma, { clientId: client.id, freelancerId: freelancer.id, milestones: [20_000n], now: start });
    const milestoneId = offer.milestoneIds[0]!;
    await fundMilestone(db.prisma, { actorId: client.id, idempotencyKey: key(), now: tick(), milestoneId }, { gateway });
    const delivery = await upload(freelancer, TEST_FILES.zip, "delivery.zip");
    await submitWork(db.prisma, { actorId: freelancer.id, idempotencyKey: key(), now: tick(), milestoneId, note: "All files attached", attachmentIds: [delivery.attachmentId] });
    const now = tick();
    const page = await getContractPage(db.prisma, offer.contractId, client.id, now, attachmentLinker(LINK_KEY, now));
    expect(page.milestones[0]!.attachments).toMatchObject([{ id: delivery.attachmentId, fileName: "delivery.zip", contentType: "application/zip", url: expect.stringMatching(/^\/files\/attachments\//) }]);
    await expect(attachmentForDownload(db.prisma, { attachmentId: delivery.attachmentId, viewer: client })).resolves.toMatchObject({ fileName: "delivery.zip" });
    await expect(attachmentForDownload(db.prisma, { attachmentId: delivery.attachmentId, viewer: stranger })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("uploads nothing took within a day are deleted, rows and files; sent ones stay", async () => {
    const waiting = await upload(stranger, TEST_FILES.text, "forgotten.txt");
    const row = await db.prisma.attachment.findUniqueOrThrow({ where: { id: waiting.attachmentId } });
    const kept = await db.prisma.attachment.count({ where: { NOT: { messageId: null } } });
    expect(await deleteUnattachedUploads(db.prisma, { now: new Date(clock) }, { store })).toEqual({ deleted: 0 });
    const result = await deleteUnattachedUploads(db.prisma, { now: days(new Date(clock), 2) }, { store });
    expect(result.deleted).toBeGreaterThan(0);
    expect(await db.prisma.attachment.findUnique({ where: { id: waiting.attachmentId } })).toBeNull();
    expect(await store.exists(row.fileKey)).toBe(false);
    expect(await db.prisma.attachment.count({ where: { NOT: { messageId: null } } })).toBe(kept);
    expect(await db.prisma.attachment.count({ where: { messageId: null, milestoneId: null } })).toBe(0);
    expect(await deleteUnattachedUploads(db.prisma, { now: days(new Date(clock), 2) }, { store })).toEqual({ deleted: 0 });
  });
});
