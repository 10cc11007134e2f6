import type { PrismaClient } from "../client";
import type { SystemCall } from "../services/actor";
import { runTransaction } from "../transaction";
import { emailTransport } from "./config";
import type { EmailTransport, OutgoingEmail } from "./transport";

/**
 * How long the runner waits after each failed attempt before the next: 1 minute, 5 minutes,
 * 30 minutes, 2 hours, 12 hours. An email whose last attempt fails is FAILED, with the error.
 */
export const EMAIL_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;
/** Attempts in all: the first, then one after each delay. */
export const MAX_EMAIL_ATTEMPTS = EMAIL_RETRY_DELAYS_MS.length + 1;

export interface SendEmailsDeps {
  transport?: EmailTransport;
  /** At most this many emails per run (the next tick takes the rest). */
  limit?: number;
  /** Stop taking new emails after this long (ms), so one slow mail server cannot hold the runner's queue. */
  budgetMs?: number;
}

export interface SentEmails {
  sent: number;
  /** Failed this time, to be tried again after the back-off. */
  retrying: number;
  /** Failed for the last time. */
  failed: number;
}

interface DueRow {
  id: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string | null;
  attempts: number;
  createdAt: Date;
}

/**
 * The runner's send_emails task: every PENDING email due at `now` goes out, one at a time, each
 * in a transaction of its own that takes its row with FOR UPDATE SKIP LOCKED (so several runners
 * share the outbox and never hold the same email), hands it to the transport, and records it
 * SENT with `sentAt` in the same transaction.
 *
 * Delivery (README, "Email"): the outbox row is the email's identity. A row is written in the
 * transaction of the event it tells, with a unique `dedupeKey`, so there is never a second row,
 * and never a row for something that rolled back. If the runner dies after the transport took the
 * email and before the commit, the row is still PENDING and the next run sends it again under the
 * same identity: in the local outbox that rewrites the same file (exactly one email); over SMTP
 * the mail server receives it again with the same Message-ID (at least once, and a duplicate a
 * mail system can recognise), never a second email of its own for the same event.
 *
 * A failed attempt counts, waits EMAIL_RETRY_DELAYS_MS, and after MAX_EMAIL_ATTEMPTS the row is
 * FAILED with its last error.
 */
export async function sendEmails(prisma: PrismaClient, call: SystemCall, deps: SendEmailsDeps = {}): Promise<SentEmails> {
  const transport = deps.transport ?? (await emailTransport());
  const limit = deps.limit ?? 200;
  const deadline = Date.now() + (deps.budgetMs ?? 45_000);
  const result: SentEmails = { sent: 0, retrying: 0, failed: 0 };
  for (let taken = 0; taken < limit && Date.now() < deadline; taken++) {
    const outcome = await runTransaction(
      prisma,
      async (tx) => {
        const [row] = await tx.$queryRaw<DueRow[]>`
          SELECT id, "toAddress", subject, text, html, "unsubscribeUrl", attempts, "createdAt"
          FROM "EmailOutbox"
          WHERE status = 'PENDING' AND "nextAttemptAt" <= ${call.now}
          ORDER BY "nextAttemptAt", "createdAt", id
          LIMIT 1
          FOR UPDATE SKIP LOCKED`;
        if (!row) return null;
        const email: OutgoingEmail = { id: row.id, to: row.toAddress, subject: row.subject, text: row.text, html: row.html, unsubscribeUrl: row.unsubscribeUrl, date: row.createdAt };
        const attempts = row.attempts + 1;
        try {
          await transport.send(email);
        } catch (error) {
          const last = attempts >= MAX_EMAIL_ATTEMPTS;
          const delay = EMAIL_RETRY_DELAYS_MS[Math.min(attempts, EMAIL_RETRY_DELAYS_MS.length) - 1]!;
          await tx.emailOutbox.update({
            where: { id: row.id },
            data: {
              attempts,
              lastError: describeError(error),
              ...(last ? { status: "FAILED" } : { nextAttemptAt: new Date(call.now.getTime() + delay) }),
            },
          });
          return last ? "failed" : "retrying";
        }
        await tx.emailOutbox.update({ where: { id: row.id }, data: { status: "SENT", sentAt: call.now, attempts, lastError: null } });
        return "sent";
      },
      // A retried transaction would send again: one attempt, and the next run takes the row if it failed.
      { attempts: 1 },
    );
    if (outcome === null) break;
    result[outcome] += 1;
  }
  return result;
}

/** The transport's error in one line, at most 500 characters (kept on the row for the admin). */
function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/\s+/g, " ").slice(0, 500);
}
