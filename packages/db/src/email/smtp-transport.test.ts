import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { SmtpTransport } from "./smtp-transport";
import type { OutgoingEmail } from "./transport";

// The SMTP adapter against a real SMTP server, in this process (smtp-server, by nodemailer's
// authors): what arrives is the message the outbox adapter writes, and a refusal is an error the
// runner counts as a failed attempt.

const FROM = "Fairlance <no-reply@mail.fairlance.example>";
const received: { from: string; to: string[]; message: string; user?: string }[] = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    onAuth(auth, _session, callback) {
      if (auth.username === "fairlance" && auth.password === "s3cret") callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith("@refused.example")) callback(new Error("No such mailbox"));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          message: Buffer.concat(chunks).toString("utf8"),
          user: session.user as string | undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const email = (over: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  id: randomUUID(),
  to: "fran@fairlance.test",
  subject: "Milestone funded: $500.00",
  text: "Carol funded “Design” with $500.00.",
  html: "<p>Carol funded “Design” with $500.00.</p>",
  unsubscribeUrl: "https://fairlance.example/unsubscribe?token=abc",
  date: new Date("2026-12-01T10:00:00Z"),
  ...over,
});

describe("the SMTP adapter (SMTP_URL)", () => {
  it("hands the mail server the same message: both parts, the outbox id as Message-ID, one-click unsubscribe", async () => {
    const transport = new SmtpTransport(`smtp://fairlance:s3cret@127.0.0.1:${port}`, FROM);
    const sent = email();
    await expect(transport.send(sent)).resolves.toEqual({ messageId: `<${sent.id}@mail.fairlance.example>` });
    await transport.close();
    const arrived = received.at(-1)!;
    expect(arrived).toMatchObject({ from: "no-reply@mail.fairlance.example", to: ["fran@fairlance.test"], user: "fairlance" });
    const headers = arrived.message.slice(0, arrived.message.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");
    expect(headers).toMatch(new RegExp(`^Message-ID: <${sent.id}@mail\\.fairlance\\.example>$`, "m"));
    expect(headers).toMatch(/^List-Unsubscribe: <https:\/\/fairlance\.example\/unsubscribe\?token=abc>$/m);
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(arrived.message).toMatch(/Content-Type: text\/plain/);
    expect(arrived.message).toMatch(/Content-Type: text\/html/);
  });

  it("a refused recipient, wrong credentials or no server at all is an error (the runner retries later)", async () => {
    const transport = new SmtpTransport(`smtp://fairlance:s3cret@127.0.0.1:${port}`, FROM);
    await expect(transport.send(email({ to: "nobody@refused.example" }))).rejects.toThrow(/No such mailbox|refused/i);
    await transport.close();
    const wrong = new SmtpTransport(`smtp://fairlance:wrong@127.0.0.1:${port}`, FROM);
    await expect(wrong.send(email())).rejects.toThrow(/Invalid username or password|auth/i);
    await wrong.close();
    const down = new SmtpTransport("smtp://127.0.0.1:1", FROM);
    await expect(down.send(email())).rejects.toThrow(/ECONNREFUSED/);
    await down.close();
  });
});
