/**
 * How an email leaves (README, "Email"): one port, two adapters. `OutboxTransport` (the embedded
 * default, no mail server) writes each email as an RFC 5322 message to `<data root>/outbox/<id>.eml`;
 * `SmtpTransport` (SMTP_URL) hands it to a mail server. Both build the same message with
 * nodemailer: a plain-text and an HTML part, the outbox row's id as its Message-ID, and the
 * category's unsubscribe link as List-Unsubscribe with RFC 8058 one-click.
 */

/** One email as the outbox row holds it, ready to send. */
export interface OutgoingEmail {
  /** The EmailOutbox row's id: the email's identity (its Message-ID, its file name in the outbox). */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The category's one-click unsubscribe link, or null (account emails). */
  unsubscribeUrl: string | null;
  /** When the email was written (the outbox row's createdAt): its Date header, the same on every attempt. */
  date: Date;
}

export interface SentEmail {
  /** The Message-ID header it went with, `<id@host>`. */
  messageId: string;
}

/** Sends one email, or throws (the runner counts the attempt and tries again later). */
export interface EmailTransport {
  /** "outbox" (written to the data folder) or "smtp". */
  readonly kind: "outbox" | "smtp";
  send(email: OutgoingEmail): Promise<SentEmail>;
  /** Closes pooled connections (a process about to exit). */
  close(): Promise<void>;
}

/** The domain of the sender's address ("fairlance.localhost" for "Fairlance <no-reply@fairlance.localhost>"). */
export function senderDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.slice(address.lastIndexOf("@") + 1).trim() || "fairlance.localhost";
}

/** The email's Message-ID: the outbox row's id at the sender's domain, the same on every attempt. */
export const messageIdOf = (id: string, from: string) => `<${id}@${senderDomain(from)}>`;

/**
 * The message nodemailer builds for `email` (both adapters): HTML and plain text, a fixed
 * Message-ID and Date, and, when the email has a category, List-Unsubscribe with the one-click
 * POST of RFC 8058 (a mail client's "Unsubscribe" button posts `List-Unsubscribe=One-Click` to it).
 */
export function mailOptions(email: OutgoingEmail, from: string) {
  return {
    from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: messageIdOf(email.id, from),
    date: email.date,
    headers: email.unsubscribeUrl ? { "List-Unsubscribe": `<${email.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : undefined,
  };
}
