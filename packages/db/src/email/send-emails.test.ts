import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, makeUser, type TestDatabase, type TestUser } from "../testing";
import { queueEmail } from "../notifications";
import { DB_PACKAGE_ROOT } from "../paths";
import { enqueueEconomySql } from "../runner/enqueue";
import { startRunner } from "../runner/worker";
import { runTransaction } from "../transaction";
import { OutboxTransport } from "./outbox-transport";
import { EMAIL_RETRY_DELAYS_MS, MAX_EMAIL_ATTEMPTS, sendEmails } from "./send-emails";
import type { EmailTransport, OutgoingEmail } from "./transport";

const FROM = "Fairlance <no-reply@fairlance.localhost>";
const T0 = new Date("2026-06-01T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

let db: TestDatabase;
let person: TestUser;
const folders: string[] = [];
const children: ChildProcess[] = [];
beforeAll(async () => {
  db = await freshDatabase({ max: 12 });
  person = await makeUser(db.prisma, "FREELANCER");
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
  await db.drop();
});

async function outboxFolder() {
  const dir = await mkdtemp(join(tmpdir(), "fairlance-send-"));
  folders.push(dir);
  return dir;
}

/** One email written to the outbox as an operation writes it: in a transaction of its own. */
async function queued(now = T0): Promise<string> {
  const dedupeKey = `test:${randomUUID()}`;
  await runTransaction(db.prisma, (tx) =>
    queueEmail(tx, { userId: person.id, to: person.email, kind: "notification", dedupeKey, subject: "A test email", text: "Hello.", html: "<p>Hello.</p>", now }),
  );
  return (await db.prisma.emailOutbox.findUniqueOrThrow({ where: { dedupeKey }, select: { id: true } })).id;
}

const rowOf = (id: string) => db.prisma.emailOutbox.findUniqueOrThrow({ where: { id } });

/** Settles every email still due from earlier tests, so each test starts with an empty queue. */
async function drain(now: Date) {
  await sendEmails(db.prisma, { now }, { transport: new RecordingTransport() });
}

class RecordingTransport implements EmailTransport {
  readonly kind = "outbox" as const;
  readonly sent: string[] = [];
  constructor(private readonly delayMs = 0) {}
  async send(email: OutgoingEmail) {
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    this.sent.push(email.id);
    return { messageId: `<${email.id}@test>` };
  }
  async close() {}
}

/** Fails its first `failures` attempts, like a mail server that is down. */
class FlakyTransport extends RecordingTransport {
  attempts = 0;
  constructor(private readonly failures: number) {
    super();
  }
  override async send(email: OutgoingEmail) {
    this.attempts += 1;
    if (this.attempts <= this.failures) throw new Error(`connect ECONNREFUSED 127.0.0.1:25 (attempt ${this.attempts})`);
    return super.send(email);
  }
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The first line of the child's output that matches `pattern`. */
function lineOf(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      for (const line of buffered.split("\n")) {
        const match = pattern.exec(line);
        if (match) {
          child.stdout!.off("data", onData);
          resolve(match);
          return;
        }
      }
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code, signal) => reject(new Error(`the runner exited (${code ?? signal}) before printing ${pattern}`)));
  });
}

describe("send_emails: the runner delivers the outbox", () => {
  it("an email is written exactly once per event when the runner is killed (SIGKILL) between sending and recording it", async () => {
    const dir = await outboxFolder();
    const now = at(0);
    await drain(now);
    const id = await queued(now);

    const child = spawn(process.execPath, ["--import", "tsx", "src/testing/fixtures/send-then-hang.ts", db.url, dir], { cwd: DB_PACKAGE_ROOT, stdio: ["ignore", "pipe", "inherit"] });
    children.push(child);
    await lineOf(child, /^READY$/);
    await enqueueEconomySql(db.prisma, now); // the runner's tick for `now`
    const [, sentId] = await lineOf(child, /^SENT (\S+)$/);
    expect(sentId).toBe(id);
    // Sent and not recorded: the email is in the outbox, its row still PENDING.
    const outbox = new OutboxTransport(dir, FROM);
    expect(await outbox.ids()).toEqual([id]);
    expect((await rowOf(id)).status).toBe("PENDING");

    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;

    // A fresh runner frees the dead one's job and runs it again: the email goes out again under
    // its own identity, which rewrites the same file.
    const runner = await startRunner({ connectionString: db.url, prisma: db.prisma, emailTransport: outbox, cron: false, pollInterval: 100, reapIntervalMs: 200, log: () => undefined });
    try {
      await until(async () => (await rowOf(id)).status === "SENT", "the fresh runner recorded the email as sent");
    } finally {
      await runner.stop();
    }
    expect(await outbox.ids()).toEqual([id]);
    expect((await readdir(dir)).filter((name) => name !== `${id}.eml`)).toEqual([]);
    expect(await rowOf(id)).toMatchObject({ status: "SENT", sentAt: now, attempts: 1, lastError: null });
  }, 120_000);

  it("no email leaves for a transaction that rolled back", async () => {
    const now = at(60_000);
    await drain(now);
    const dedupeKey = `rolled-back:${randomUUID()}`;
    await expect(
      runTransaction(db.prisma, async (tx) => {
        await queueEmail(tx, { userId: person.id, to: person.email, kind: "notification", dedupeKey, subject: "Never", text: "Never.", html: "<p>Never.</p>", now });
        throw new Error("the operation failed after writing its email");
      }),
    ).rejects.toThrow(/the operation failed/);
    expect(await db.prisma.emailOutbox.count({ where: { dedupeKey } })).toBe(0);
    const transport = new RecordingTransport();
    expect(await sendEmails(db.prisma, { now: at(3_600_000) }, { transport })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(transport.sent).toEqual([]);
  });

  it("the same event's email is written once: a second write with its dedupe key adds nothing", async () => {
    const now = at(120_000);
    await drain(now);
    const dedupeKey = `once:${randomUUID()}`;
    for (let i = 0; i < 3; i++) {
      await runTransaction(db.prisma, (tx) => queueEmail(tx, { userId: person.id, to: person.email, kind: "notification", dedupeKey, subject: "Once", text: "Once.", html: "<p>Once.</p>", now }));
    }
    expect(await db.prisma.emailOutbox.count({ where: { dedupeKey } })).toBe(1);
    const transport = new RecordingTransport();
    await sendEmails(db.prisma, { now }, { transport });
    await sendEmails(db.prisma, { now: at(10 * 60_000) }, { transport });
    expect(transport.sent).toHaveLength(1);
  });

  it("a failing mail server: each attempt counts, the next waits 1 min, 5 min, 30 min, 2 h, 12 h, then the email is FAILED with the error", async () => {
    let now = at(3_600_000);
    await drain(now);
    const id = await queued(now);
    const down = new FlakyTransport(Number.POSITIVE_INFINITY);
    expect(await sendEmails(db.prisma, { now }, { transport: down })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    for (const [index, delay] of EMAIL_RETRY_DELAYS_MS.entries()) {
      const row = await rowOf(id);
      expect(row).toMatchObject({ status: "PENDING", attempts: index + 1, nextAttemptAt: new Date(now.getTime() + delay) });
      expect(row.lastError).toMatch(/ECONNREFUSED/);
      // Not due a moment before its time: nothing is tried.
      expect(await sendEmails(db.prisma, { now: new Date(now.getTime() + delay - 1) }, { transport: down })).toEqual({ sent: 0, retrying: 0, failed: 0 });
      now = new Date(now.getTime() + delay);
      await sendEmails(db.prisma, { now }, { transport: down });
    }
    expect(down.attempts).toBe(MAX_EMAIL_ATTEMPTS);
    expect(await rowOf(id)).toMatchObject({ status: "FAILED", attempts: MAX_EMAIL_ATTEMPTS, sentAt: null, lastError: expect.stringMatching(/attempt 6/) });
    // A FAILED email is never tried again.
    expect(await sendEmails(db.prisma, { now: at(30 * 86_400_000) }, { transport: down })).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it("a mail server back after two failures: the email goes on its third attempt", async () => {
    const now = at(2 * 86_400_000);
    await drain(now);
    const id = await queued(now);
    const flaky = new FlakyTransport(2);
    await sendEmails(db.prisma, { now }, { transport: flaky });
    await sendEmails(db.prisma, { now: at(2 * 86_400_000 + 60_000) }, { transport: flaky });
    const third = at(2 * 86_400_000 + 6 * 60_000);
    expect(await sendEmails(db.prisma, { now: third }, { transport: flaky })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await rowOf(id)).toMatchObject({ status: "SENT", attempts: 3, sentAt: third, lastError: null });
    expect(flaky.sent).toEqual([id]);
  });

  it("several runners at once never send the same email twice", async () => {
    const now = at(3 * 86_400_000);
    await drain(now);
    const ids = new Set<string>();
    for (let i = 0; i < 30; i++) ids.add(await queued(now));
    const transports = [new RecordingTransport(5), new RecordingTransport(5), new RecordingTransport(5)];
    const results = await Promise.all(transports.map((transport) => sendEmails(db.prisma, { now }, { transport })));
    const sent = transports.flatMap((transport) => transport.sent);
    expect(sent).toHaveLength(30);
    expect(new Set(sent)).toEqual(ids);
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe(30);
    // More than one runner took part (each takes the next free row).
    expect(transports.filter((transport) => transport.sent.length > 0).length).toBeGreaterThan(1);
    expect(await db.prisma.emailOutbox.count({ where: { id: { in: [...ids] }, status: "SENT" } })).toBe(30);
  });
});
