import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStore, setFileStoreForTests } from "@fairlance/db/files";
import { freshDatabase, key, TEST_FILES, type TestDatabase } from "@fairlance/db/testing";
import { serveFile } from "../files";
import { contentDisposition, serveAttachment } from "../attachment-download";
import { buildWorld, NOW, type World } from "./bad-input-world";
import { callerAt } from "./money-helpers";

/**
 * Attachments end to end through the API (economy.md §5.1): uploaded by a party, sent with a
 * message, listed with a signed link, and downloaded through /files/attachments/<id> by the parties
 * and admins only, while the link holds; never through the public /files route.
 */
let db: TestDatabase;
let w: World;
let root: string;
let store: LocalFileStore;
beforeAll(async () => {
  db = await freshDatabase();
  w = await buildWorld(db.prisma);
  root = await mkdtemp(join(tmpdir(), "fairlance-attachments-"));
  store = new LocalFileStore(root);
  setFileStoreForTests(store);
}, 120_000);
afterAll(async () => {
  setFileStoreForTests(undefined);
  await rm(root, { recursive: true, force: true });
  await db.drop();
});

const as = (who: World["people"][keyof World["people"]], now = NOW) => callerAt(db.prisma, who, now);

async function sentFile(name: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append("file", new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/octet-stream" }), name);
  const uploaded = await as(w.people.client).message.uploadAttachment(form);
  await as(w.people.client).message.send({ proposalId: w.proposals.mine, idempotencyKey: key(), body: "Here is the brief.", attachmentIds: [uploaded.attachmentId] });
  const messages = await as(w.people.freelancer).message.list({ proposalId: w.proposals.mine });
  const file = messages.flatMap((message) => message.attachments).find((a) => a.id === uploaded.attachmentId)!;
  return { ...file, link: new URL(file.url, "http://localhost:3000") };
}

const download = (link: URL, viewer: { id: string; role: string } | null, now = NOW) =>
  serveAttachment({ prisma: db.prisma, store, attachmentId: link.pathname.split("/").at(-1)!, search: link.searchParams, viewer, now });

describe("GET /files/attachments/<id>", () => {
  it("gives the file to both parties and admins as a download, with its sniffed type, nosniff and no caching", async () => {
    const file = await sentFile("Brief (final).pdf", TEST_FILES.pdf);
    expect(file).toMatchObject({ fileName: "Brief (final).pdf", contentType: "application/pdf", sizeBytes: TEST_FILES.pdf.byteLength });
    for (const who of [w.people.client, w.people.freelancer, w.people.admin]) {
      const response = await download(file.link, who);
      expect(response.status, who.role).toBe(200);
      expect(Object.fromEntries(response.headers)).toMatchObject({
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="Brief (final).pdf"; filename*=UTF-8''Brief%20%28final%29.pdf`,
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
        "cache-control": "private, no-store",
      });
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(TEST_FILES.pdf);
    }
  });

  it("refuses a stranger, the signed-out, an expired link and a tampered one, each with a sentence", async () => {
    const file = await sentFile("notes.txt", TEST_FILES.text);
    const stranger = await download(file.link, w.people.otherFreelancer);
    expect([stranger.status, await stranger.text()]).toEqual([404, "There is no file at this address, or it is not yours to download."]);
    const anonymous = await download(file.link, null);
    expect([anonymous.status, await anonymous.text()]).toEqual([401, "Sign in to download this file."]);
    const expired = await download(file.link, w.people.client, new Date(NOW.getTime() + 16 * 60_000));
    expect([expired.status, await expired.text()]).toEqual([410, "This download link has expired. Open the conversation again for a new one."]);
    const longer = new URL(file.link);
    longer.searchParams.set("expires", String(Number(longer.searchParams.get("expires")) + 86_400));
    expect((await download(longer, w.people.client)).status).toBe(404);
    const other = new URL(file.link);
    other.pathname = other.pathname.replace(/[^/]+$/, crypto.randomUUID());
    expect((await download(other, w.people.client)).status).toBe(404);
    const unsigned = new URL(file.link.pathname, "http://localhost:3000");
    expect((await download(unsigned, w.people.client)).status).toBe(404);
    // Plain text is served as UTF-8 text, still as a download.
    expect((await download(file.link, w.people.freelancer)).headers.get("content-type")).toBe("text/plain; charset=utf-8");
  });

  it("the public /files route never serves an attachment, even by its key", async () => {
    const file = await sentFile("public.pdf", TEST_FILES.pdf);
    const row = await db.prisma.attachment.findUniqueOrThrow({ where: { id: file.id } });
    const response = await serveFile(store, row.fileKey.split("/"));
    expect([response.status, await response.text()]).toEqual([404, "There is no file at this address."]);
  });

  it("names a download safely whatever its name", () => {
    expect(contentDisposition('na"me\\x.pdf')).toBe(`attachment; filename="na_me_x.pdf"; filename*=UTF-8''na%22me%5Cx.pdf`);
    expect(contentDisposition("café ☕.txt")).toBe(`attachment; filename="caf_ _.txt"; filename*=UTF-8''caf%C3%A9%20%E2%98%95.txt`);
  });
});
