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
