// The emails the e2e server wrote, read where a person would find them: the outbox table of its
// database (the demo's embedded default delivers from there), so a journey follows an email's link
// as a person follows it from their mailbox.
import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import type { PrismaClient } from "@fairlance/db";
import { createPrismaClient } from "@fairlance/db/client";
import { emailedLink, type EmailedLinkKind } from "@fairlance/db/testing";
import { e2ePort } from "../port";
import { serverFiles } from "../scripts/server-files";
import { unsubscribeToken, type EmailCategory } from "@fairlance/db/email";
import { renderEmail } from "@fairlance/db/notifications";

let outbox: PrismaClient | undefined;
const database = () => (outbox ??= createPrismaClient(readFileSync(serverFiles(e2ePort()).database, "utf8").trim(), { max: 1 }));

/** The path of the newest emailed link of `kind` to `to` ("/verify-email?token=…"); the email is written with the action, so it is there at once. */
export async function emailedPath(to: string, kind: EmailedLinkKind): Promise<string> {
  return (await emailedLink(database(), { to, kind })).path;
}

/** How many emails of `kind` were written to `to`. */
export async function emailsTo(to: string, kind: string): Promise<number> {
  return database().emailOutbox.count({ where: { toAddress: to.toLowerCase(), kind } });
}

/** Follows the "Confirm your email" link emailed to `email` and presses "Confirm my email". */
export async function confirmEmail(page: Page, email: string) {
  await page.goto(await emailedPath(email, "verify_email"));
  await expect(page.getByRole("heading", { name: "Confirm your email" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByText(/is confirmed\.$/)).toBeVisible();
}

/** The e2e server's signing secret (serve-e2e.ts generates it): unsubscribe links are signed with it. */
export const serverSecret = () => readFileSync(serverFiles(e2ePort()).secret, "utf8").trim();

/** The path of `email`'s unsubscribe link for `category`, as the server signs it. */
export async function unsubscribePath(db: PrismaClient, email: string, category: EmailCategory): Promise<string> {
  const { id } = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return `/unsubscribe?token=${unsubscribeToken(id, category, serverSecret())}`;
}

/**
 * An email of the demo mailbox to look at: the newest one, or (on a server where nothing has been
 * emailed yet) one written to the outbox with the app's one email layout.
 */
export async function someEmail(db: PrismaClient): Promise<{ id: string; subject: string }> {
  const newest = await db.emailOutbox.findFirst({ orderBy: { createdAt: "desc" }, select: { id: true, subject: true } });
  if (newest) return newest;
  const { text, html } = renderEmail({ preheader: "A test email.", heading: "Welcome to the demo mailbox", paragraphs: ["Every email of this server is shown here."] });
  const now = new Date();
  return db.emailOutbox.create({
    data: { toAddress: "fran@fairlance.test", kind: "notification", dedupeKey: `e2e:sample:${now.getTime()}`, subject: "Welcome to the demo mailbox", text, html, nextAttemptAt: now, createdAt: now },
    select: { id: true, subject: true },
  });
}

/**
 * What this test process writes into emails (a notify() it calls) must be what the server would
 * write: links to the server's address, unsubscribe links signed with its secret.
 */
export function writeEmailsAsTheServer(baseURL: string) {
  // eslint-disable-next-line no-restricted-syntax -- set for the code under test (notify() in this process), as spec files may
  process.env.NEXTAUTH_URL = baseURL;
  // eslint-disable-next-line no-restricted-syntax -- the same
  process.env.NEXTAUTH_SECRET = serverSecret();
}
