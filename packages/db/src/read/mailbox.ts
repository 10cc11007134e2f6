import type { Db, EmailStatus, Prisma } from "../client";
import { mailboxEnabled } from "../email/mailbox";
import { DomainError } from "../errors";
import { escapeLike } from "./like";

/**
 * The demo mailbox (/mailbox, README "Email"): every email this server wrote to its outbox, read
 * from the EmailOutbox table, whatever its state (waiting for the runner, sent, failed). It
 * exists only where mailboxEnabled(): no SMTP_URL and not a production deployment; elsewhere it is
 * NOT_FOUND, as if there were no such page.
 */
export { mailboxEnabled };
export const MAILBOX_PAGE_SIZE = 25;

export interface MailboxEntry {
  id: string;
  toAddress: string;
  subject: string;
  kind: string;
  status: EmailStatus;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
}

export interface MailboxPage {
  emails: MailboxEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export interface MailboxEmail extends MailboxEntry {
  text: string;
  html: string;
  unsubscribeUrl: string | null;
  lastError: string | null;
}

const noMailbox = () => new DomainError("NOT_FOUND", "This server has no demo mailbox: it sends its emails through a mail server (SMTP_URL), or it is a production deployment.");

const ENTRY = { id: true, toAddress: true, subject: true, kind: true, status: true, attempts: true, createdAt: true, sentAt: true } as const;

/** The outbox, newest first, a page at a time; `to` finds the emails whose recipient contains it. */
export async function listMailbox(db: Db, input: { to?: string; page?: number }): Promise<MailboxPage> {
  if (!mailboxEnabled()) throw noMailbox();
  const page = Math.max(1, input.page ?? 1);
  const to = input.to?.trim();
  // Prisma's `contains` is a LIKE that leaves % and _ as wildcards: they are searched for as typed.
  const where: Prisma.EmailOutboxWhereInput = to ? { toAddress: { contains: escapeLike(to), mode: "insensitive" } } : {};
  const [emails, total] = await Promise.all([
    db.emailOutbox.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * MAILBOX_PAGE_SIZE, take: MAILBOX_PAGE_SIZE, select: ENTRY }),
    db.emailOutbox.count({ where }),
  ]);
  return { emails, total, page, pageSize: MAILBOX_PAGE_SIZE };
}

/** One email of the outbox, with its HTML and plain-text parts. */
export async function getMailboxEmail(db: Db, id: string): Promise<MailboxEmail> {
  if (!mailboxEnabled()) throw noMailbox();
  const email = await db.emailOutbox.findUnique({ where: { id }, select: { ...ENTRY, text: true, html: true, unsubscribeUrl: true, lastError: true } });
  if (!email) throw new DomainError("NOT_FOUND", "There is no such email in the mailbox.");
  return email;
}
