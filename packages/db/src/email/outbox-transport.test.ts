import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OutboxTransport } from "./outbox-transport";
import { mailOptions, messageIdOf, senderDomain, type OutgoingEmail } from "./transport";

const FROM = "Fairlance <no-reply@fairlance.localhost>";
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairlance-outbox-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const email = (over: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  id: randomUUID(),
  to: "fran@fairlance.test",
  subject: "Carol funded “Design” with $500.00",
  text: "Carol funded the milestone “Design” with $500.00.\n\nOpen the contract: http://localhost:3000/contracts/1",
  html: '<p>Carol funded the milestone “Design” with <strong>$500.00</strong>.</p><p><a href="http://localhost:3000/contracts/1">Open the contract</a></p>',
  unsubscribeUrl: "http://localhost:3000/unsubscribe?token=abc",
  date: new Date("2026-12-01T10:00:00Z"),
  ...over,
});

/** The message's header block, unfolded (a long header continues on lines starting with a space). */
const headersOf = (message: string) => message.slice(0, message.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");

describe("the local outbox (the embedded default)", () => {
  it("writes each email as an RFC 5322 message named by its outbox id, with both parts and one-click unsubscribe", async () => {
    const outbox = new OutboxTransport(dir, FROM);
    const sent = email();
    const result = await outbox.send(sent);
    expect(result.messageId).toBe(`<${sent.id}@fairlance.localhost>`);
    const message = await readFile(join(dir, `${sent.id}.eml`), "utf8");
    const headers = headersOf(message);
    expect(message).toContain("\r\n"); // CRLF line ends, as on the wire
    expect(headers).toMatch(/^From: Fairlance <no-reply@fairlance\.localhost>$/m);
    expect(headers).toMatch(/^To: fran@fairlance\.test$/m);
    expect(headers).toMatch(new RegExp(`^Message-ID: <${sent.id}@fairlance\\.localhost>$`, "m"));
    expect(headers).toMatch(/^Date: Tue, 01 Dec 2026 10:00:00 \+0000$/m);
    expect(headers).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/unsubscribe\?token=abc>$/m);
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(headers).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(message).toMatch(/Content-Type: text\/plain; charset=utf-8/);
    expect(message).toMatch(/Content-Type: text\/html; charset=utf-8/);
    expect(await outbox.ids()).toContain(sent.id);
  });

  it("writing the same email again leaves one file, and no temporary file behind", async () => {
    const outbox = new OutboxTransport(dir, FROM);
    const sent = email();
    await outbox.send(sent);
    await outbox.send(sent);
    await Promise.all([outbox.send(sent), outbox.send(sent)]);
    const names = await readdir(dir);
    expect(names.filter((name) => name.startsWith(sent.id) || name.includes(sent.id))).toEqual([`${sent.id}.eml`]);
    expect(names.filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("an account email has no unsubscribe headers", async () => {
    const outbox = new OutboxTransport(dir, FROM);
    const sent = email({ unsubscribeUrl: null, subject: "Confirm your email" });
    await outbox.send(sent);
    const headers = headersOf(await readFile(join(dir, `${sent.id}.eml`), "utf8"));
    expect(headers).not.toMatch(/List-Unsubscribe/);
  });

  it("refuses a name that is not an outbox id (no path leaves the folder)", async () => {
    const outbox = new OutboxTransport(dir, FROM);
    await expect(outbox.send(email({ id: "../escape" }))).rejects.toThrow(/is not an outbox id/);
  });
});

describe("the message both transports build", () => {
  it("takes its Message-ID domain from EMAIL_FROM", () => {
    expect(senderDomain("Fairlance <no-reply@mail.example.com>")).toBe("mail.example.com");
    expect(senderDomain("no-reply@example.org")).toBe("example.org");
    expect(messageIdOf("abc", "x@y.z")).toBe("<abc@y.z>");
    expect(mailOptions(email({ unsubscribeUrl: null }), FROM).headers).toBeUndefined();
  });
});
