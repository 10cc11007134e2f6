import type { Tx } from "../client";

export interface QueuedEmail {
  userId: string | null;
  to: string;
  /** "notification", "digest", "verify_email", "reset_password", "email_changed"… */
  kind: string;
  /** One email per key: a retried operation queues nothing new. */
  dedupeKey: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl?: string | null;
  notificationId?: string | null;
  now: Date;
}

/**
 * Queues one email in the caller's transaction (EmailOutbox): it leaves only if that transaction
 * commits, and the runner's send_emails task delivers it. Returns the row's id, or null when an
 * email with the same dedupeKey was already queued.
 */
export async function queueEmail(tx: Tx, email: QueuedEmail): Promise<string | null> {
  const rows = await tx.emailOutbox.createManyAndReturn({
    data: [
      {
        userId: email.userId,
        toAddress: email.to,
        kind: email.kind,
        dedupeKey: email.dedupeKey,
        subject: email.subject,
        text: email.text,
        html: email.html,
        unsubscribeUrl: email.unsubscribeUrl ?? null,
        notificationId: email.notificationId ?? null,
        nextAttemptAt: email.now,
        createdAt: email.now,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  return rows[0]?.id ?? null;
}
