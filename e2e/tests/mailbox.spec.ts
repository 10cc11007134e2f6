import { existsSync } from "node:fs";
import { join } from "node:path";
import { currentTime } from "@fairlance/db";
import { localOutboxRoot } from "@fairlance/db/email";
import { notify } from "@fairlance/db/notifications";
import { enqueueEconomySql } from "@fairlance/db/runner";
import { makeUser } from "@fairlance/db/testing";
import { writeEmailsAsTheServer } from "./mail";
import { signIn } from "./helpers";
import { expect, test } from "./test";

// The demo mailbox (README, "Email"): an event's email, written in the event's transaction by the
// real notify(), is listed at /mailbox at once, renders (HTML in a sandboxed frame, plain text
// beside it), leaves through the job runner into the outbox folder, and its links work: the
// action leads into the app, and the unsubscribe link turns that category's email off after a
// confirmation. A person of its own, so the demo people's choices stay as they are.

const PASSWORD = "mailbox journey password";

test("an email appears in the demo mailbox, is sent by the runner, and its links work; its unsubscribe link turns the category off", async ({ page, ledger, baseURL }) => {
  test.setTimeout(180_000);
  writeEmailsAsTheServer(baseURL!);
  const mia = await makeUser(ledger, "FREELANCER", { name: "Mia Mailbox", email: `mia-${Date.now().toString(36)}@e2e.test`, password: PASSWORD });
  const now = await currentTime(ledger);
  await ledger.$transaction((tx) =>
    notify(tx, { userId: mia.id, kind: "payment_available", eventKey: `e2e-mailbox:${mia.id}`, data: { amountMinor: 12_345n, jobTitle: "Mailbox landing page" }, link: "/earnings", now }),
  );
  const subject = "$123.45 is available";

  // Listed at once (waiting for the runner), found by its recipient.
  await page.goto("/mailbox");
  await expect(page.getByRole("heading", { level: 1, name: "Demo mailbox" })).toBeVisible();
  await expect(page.getByText("This server sends no email")).toBeVisible();
  await page.getByLabel("Recipient").fill(mia.email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/mailbox\?to=/);
  await expect(page.getByRole("heading", { name: "1 email" })).toBeVisible();
  const entry = page.getByRole("listitem").filter({ hasText: mia.email });
  await expect(entry).toContainText("Notification");

  // The runner's tick for now: the email leaves into the outbox folder, once.
  await enqueueEconomySql(ledger, now);
  const row = await ledger.emailOutbox.findFirstOrThrow({ where: { userId: mia.id }, select: { id: true } });
  await expect.poll(async () => (await ledger.emailOutbox.findUniqueOrThrow({ where: { id: row.id }, select: { status: true } })).status, { timeout: 90_000 }).toBe("SENT");
  expect(existsSync(join(localOutboxRoot(), `${row.id}.eml`))).toBe(true);
  await page.reload();
  await expect(entry).toContainText(/Sent /);

  // Its page: the HTML in a sandboxed frame, the plain text beside it, the same figures in both.
  await entry.getByRole("link", { name: subject }).click();
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
  const frame = page.frameLocator(`iframe[title="The email “${subject}” as HTML"]`);
  await expect(frame.getByRole("heading", { name: subject })).toBeVisible();
  await expect(frame.getByRole("paragraph").filter({ hasText: "$123.45 from “Mailbox landing page” cleared its security period and can be withdrawn." })).toBeVisible();
  await expect(page.getByTestId("email-text")).toContainText("$123.45 from “Mailbox landing page” cleared its security period");
  const emailPage = page.url();

  // Its action leads into the app, where Mia is asked to sign in and lands on her earnings.
  await frame.getByRole("link", { name: "Open in Fairlance", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in|\/earnings/);
  if (page.url().includes("/sign-in")) {
    await page.getByLabel("Email").fill(mia.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
  }
  await expect(page).toHaveURL(/\/earnings$/);
  await expect(page.getByRole("heading", { level: 1, name: "Earnings" })).toBeVisible();

  // Its unsubscribe link asks first; the button turns payment emails off, and the Account page says so.
  await page.goto(emailPage);
  await expect(frame.getByText(/^Stop payments and withdrawals emails:/)).toBeVisible();
  await frame.getByRole("link", { name: /\/unsubscribe\?token=/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Unsubscribe" })).toBeVisible();
  await expect(page.getByText(/Stop emails about Payments and withdrawals to m…@e2e\.test\?/)).toBeVisible();
  expect(await ledger.notificationPreference.count({ where: { userId: mia.id } })).toBe(0);
  await page.getByRole("button", { name: "Stop these emails" }).click();
  await expect(page.getByText(/Emails about Payments and withdrawals are off for m…@e2e\.test\./)).toBeVisible();
  await page.goto("/account");
  await expect(page.getByLabel("Email: Payments and withdrawals")).toHaveValue("OFF");

  // Back on, as a daily digest, from the Account page; account emails cannot be turned off there.
  await page.getByLabel("Email: Payments and withdrawals").selectOption("DAILY_DIGEST");
  await page.getByRole("button", { name: "Save notification choices" }).click();
  await expect(page.getByText("Your notification choices are saved.")).toBeVisible();
  await expect(page.getByLabel("Email: Your account").locator('option[value="OFF"]')).toBeDisabled();
  expect(await ledger.notificationPreference.findUniqueOrThrow({ where: { userId_category: { userId: mia.id, category: "payments" } }, select: { email: true } })).toEqual({
    email: "DAILY_DIGEST",
  });
});

test("a mail client's one-click unsubscribe works without a session; a tampered link gets a sentence", async ({ page, ledger, baseURL }) => {
  writeEmailsAsTheServer(baseURL!);
  const { unsubscribeUrl } = await import("@fairlance/db/email");
  const leo = await makeUser(ledger, "CLIENT", { name: "Leo Oneclick", email: `leo-${Date.now().toString(36)}@e2e.test` });
  const link = unsubscribeUrl(leo.id, "messages");
  const oneClick = await page.request.post(link, { form: { "List-Unsubscribe": "One-Click" }, maxRedirects: 0 });
  expect(oneClick.status()).toBe(200);
  expect(await oneClick.text()).toBe("Unsubscribed: no more emails about Messages.");
  expect(await ledger.notificationPreference.findUniqueOrThrow({ where: { userId_category: { userId: leo.id, category: "messages" } }, select: { email: true } })).toEqual({ email: "OFF" });

  const tampered = link.replace("messages", "disputes");
  const refused = await page.request.post(tampered, { form: { "List-Unsubscribe": "One-Click" }, maxRedirects: 0 });
  expect(refused.status()).toBe(400);
  expect(await refused.text()).toBe("This unsubscribe link is not valid: it may have been cut or changed. Choose your emails in Account, Notifications.");
  await page.goto(tampered);
  await expect(page.locator("main").getByRole("alert")).toHaveText("This unsubscribe link is not valid: it may have been cut or changed. Choose your emails in Account, Notifications.");
  expect(await ledger.notificationPreference.count({ where: { userId: leo.id, category: "disputes" } })).toBe(0);
});

test("every page links to the demo mailbox", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Open the demo mailbox" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Demo mailbox" })).toBeVisible();
  await signIn(page, "fran@fairlance.test", "fairlance-demo");
  await expect(page.getByRole("link", { name: "Open the demo mailbox" })).toBeVisible();
});
