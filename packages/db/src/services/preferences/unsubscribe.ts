import { CATEGORY_INFO } from "@fairlance/rules";
import { z } from "zod";
import type { Db, PrismaClient } from "../../client";
import { readUnsubscribeToken, type EmailCategory } from "../../email/unsubscribe";
import { DomainError } from "../../errors";
import { runTransaction } from "../../transaction";
import type { SystemCall } from "../actor";
import { parseCall, parseInput } from "../input";

const BAD_LINK = "This unsubscribe link is not valid: it may have been cut or changed. Choose your emails in Account, Notifications.";

/** The token of an email's unsubscribe link, as the link carries it. */
export const UnsubscribeToken = z.string(BAD_LINK).max(400, BAD_LINK);
export const UnsubscribeInput = z.strictObject({ token: UnsubscribeToken });
export type UnsubscribeInput = z.input<typeof UnsubscribeInput>;

export interface UnsubscribeView {
  /** The address the emails go to, partly hidden (a…@example.com): the link may have been forwarded. */
  maskedEmail: string;
  categories: { category: EmailCategory; label: string; mandatory: boolean; emailOff: boolean }[];
  /** Every category of the link that can be turned off already is. */
  done: boolean;
}

/** "a…@example.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "…";
  return `${email[0]}…${email.slice(at)}`;
}

async function viewOf(db: Db, userId: string, categories: EmailCategory[]): Promise<UnsubscribeView> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  if (!user) throw new DomainError("NOT_FOUND", "The account this link was sent to no longer exists.");
  const rows = await db.notificationPreference.findMany({ where: { userId, category: { in: categories } }, select: { category: true, email: true } });
  const email = new Map(rows.map((row) => [row.category, row.email]));
  const list = categories.map((category) => {
    const info = CATEGORY_INFO[category];
    return { category, label: info.label, mandatory: info.mandatory, emailOff: (email.get(category) ?? info.defaults.email) === "OFF" };
  });
  return { maskedEmail: maskEmail(user.email), categories: list, done: list.every((c) => c.mandatory || c.emailOff) };
}

function readToken(token: string) {
  const read = readUnsubscribeToken(token);
  if (!read) throw new DomainError("INVALID_REQUEST", BAD_LINK, { issues: [{ path: "token", message: BAD_LINK }] });
  return read;
}

/** What an unsubscribe link would turn off, for the page that asks to confirm (it changes nothing). */
export async function describeUnsubscribe(db: Db, input: UnsubscribeInput): Promise<UnsubscribeView> {
  const { token } = parseInput(UnsubscribeInput, input);
  const { userId, categories } = readToken(token);
  return viewOf(db, userId, categories);
}

/**
 * Follows an unsubscribe link (README, "Email"): the link's categories stop being emailed to its
 * person (email OFF; in the app unchanged). The link itself is the authority, as RFC 8058's
 * one-click requires: no sign-in. Mandatory categories (account and security) stay on, and the
 * answer says so. Doing it twice changes nothing.
 */
export async function unsubscribe(prisma: PrismaClient, input: UnsubscribeInput & SystemCall): Promise<UnsubscribeView> {
  const { token, now } = parseCall(UnsubscribeInput, input);
  const { userId, categories } = readToken(token);
  return runTransaction(prisma, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new DomainError("NOT_FOUND", "The account this link was sent to no longer exists.");
    for (const category of categories) {
      const info = CATEGORY_INFO[category];
      if (info.mandatory) continue;
      await tx.notificationPreference.upsert({
        where: { userId_category: { userId, category } },
        create: { userId, category, inApp: info.defaults.inApp, email: "OFF", updatedAt: now },
        update: { email: "OFF", updatedAt: now },
      });
    }
    return viewOf(tx, userId, categories);
  });
}
