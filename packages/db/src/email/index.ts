// Email (README, "Email"): the transport port and its two adapters, the runner's send_emails and
// send_digests tasks, unsubscribe links, and whether this server has the demo mailbox.
export type { EmailTransport, OutgoingEmail, SentEmail } from "./transport";
export { messageIdOf, senderDomain } from "./transport";
export { OutboxTransport, localOutboxRoot } from "./outbox-transport";
export { SmtpTransport } from "./smtp-transport";
export { emailTransport, setEmailTransportForTests } from "./config";
export { mailboxEnabled } from "./mailbox";
export { sendEmails, EMAIL_RETRY_DELAYS_MS, MAX_EMAIL_ATTEMPTS, type SendEmailsDeps, type SentEmails } from "./send-emails";
export { sendDigests, DIGEST_LOOKBACK_DAYS, type SentDigests } from "./digest";
export { unsubscribeToken, unsubscribeUrl, readUnsubscribeToken, type EmailCategory } from "./unsubscribe";
