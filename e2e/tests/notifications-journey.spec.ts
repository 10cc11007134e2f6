import type { Page } from "@playwright/test";
import { makeNotification } from "@fairlance/db/testing";
import { expect, test } from "./test";
import { addCard, newPerson } from "./jobs-helpers";

/** The bell's accessible name for `count` unread notifications (features/notifications/bell-label.ts). */
const bellName = (count: number) => (count === 0 ? "No unread notifications" : `${count} unread notification${count === 1 ? "" : "s"}`);
/** The bell the page shows at its width (the header has one for phones and one for desktops). */
const bell = (page: Page) => page.getByRole("banner").getByTestId("notification-bell").filter({ visible: true });

/** The unread count the bell shows now, read from its accessible name. */
async function bellCount(page: Page): Promise<number> {
  const name = (await bell(page).getAttribute("aria-label")) ?? "";
  if (name === "No unread notifications") return 0;
  const match = /^([\d,]+) unread notifications?$/.exec(name);
  expect(match, `the bell's name: "${name}"`).not.toBeNull();
  return Number(match![1]!.replaceAll(",", ""));
}

// The "done when", first half: a client funds a milestone and the freelancer, on a page
// already open in another browser, sees the bell count rise without reloading; then reads the email
// in the demo mailbox and follows its link to the contract.
test("the freelancer hears of a funded milestone live, on the bell and by email", async ({ browser, ledger }) => {
  test.setTimeout(240_000);
  const freelancer = await newPerson(browser, "Nia Notified", "freelancer");
  // Emails go to confirmed addresses only: signing up confirmed hers from the emailed link.
  expect((await ledger.user.findUniqueOrThrow({ where: { email: freelancer.user.email }, select: { emailVerifiedAt: true } })).emailVerifiedAt).not.toBeNull();
  const client = await newPerson(browser, "Cole Funder", "client");
  await addCard(client.page);

  // A direct offer with one $200 milestone; the freelancer accepts it.
  await client.page.goto("/client/offers/new");
  await client.page.getByLabel("Find a freelancer by name").fill("Nia Notified");
  await client.page.getByRole("button", { name: "Search" }).click();
  await client.page.getByRole("listitem").filter({ hasText: "Nia Notified" }).first().getByRole("button", { name: "Choose" }).click();
  await client.page.getByLabel("Contract title").fill("Onboarding emails");
  await client.page.getByLabel("Milestone 1 title").fill("Welcome series");
  await client.page.getByLabel("Milestone 1 amount (USD)").fill("200");
  await client.page.getByRole("button", { name: "Send offer" }).click();
  await expect(client.page).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/);
  const contractPath = new URL(client.page.url()).pathname;

  const page = freelancer.page;
  await page.goto(contractPath);
  await page.getByRole("button", { name: "Accept offer" }).click();
  await expect(page.getByTestId("contract-status")).toHaveText("Active");

  // The freelancer waits on their dashboard; the page stays open and is never reloaded.
  await page.goto("/dashboard");
  await expect(bell(page)).toBeVisible();
  // The bell's live stream is open (app/api/notifications/stream).
  await expect(bell(page)).toHaveAttribute("data-live", "stream");
  const before = await bellCount(page);
  await page.evaluate(() => {
    (window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true;
  });

  // The client funds the milestone: $200 + the 3% client fee.
  await client.page.goto(contractPath);
  await client.page.getByRole("button", { name: "Fund milestone" }).click();
  await client.page.getByRole("button", { name: "Pay $206.00" }).click();
  await expect(client.page.getByText('Funded "Welcome series": $206.00 was charged to your card.')).toBeVisible();

  // The bell rises on the freelancer's open page, by itself.
  await expect(bell(page)).toHaveAccessibleName(bellName(before + 1), { timeout: 15_000 });
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);

  // The notifications page has it, with the figures; opening it marks it read and leads to the contract.
  await bell(page).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const funded = page.getByTestId("notification").filter({ hasText: /funded/i }).first();
  await expect(funded).toContainText("Unread");
  await expect(funded.getByRole("heading")).toHaveText("Milestone funded: $200.00");
  await expect(funded).toContainText("Cole Funder put $200.00 in escrow for “Welcome series” on “Onboarding emails”.");

  // The email, in the demo mailbox (listed as soon as the event's transaction wrote it; the runner sends it).
  await page.goto(`/mailbox?to=${encodeURIComponent(freelancer.user.email)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Demo mailbox" })).toBeVisible();
  const entry = page.getByRole("listitem").filter({ hasText: /funded/i }).first();
  await expect(entry).toBeVisible();
  await entry.getByRole("link").first().click();
  const frame = page.frameLocator('iframe[title^="The email"]');
  await expect(page.getByRole("heading", { level: 1, name: "Milestone funded: $200.00" })).toBeVisible();
  await expect(frame.getByRole("heading", { name: "Milestone funded: $200.00" })).toBeVisible();
  await expect(page.getByTestId("email-text")).toContainText("Cole Funder put $200.00 in escrow for “Welcome series” on “Onboarding emails”.");
  // Its link leads to the contract.
  await frame.getByRole("link", { name: "Open in Fairlance", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${contractPath}$`));
  await expect(page.getByTestId("milestone-status")).toHaveText("Funded (in escrow)");

  // Back on the notifications page, opening it reads it: the bell falls by one.
  await page.goto("/notifications");
  const count = await bellCount(page);
  await page.getByTestId("notification").filter({ hasText: /funded/i }).first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`${contractPath}$`));
  await expect(bell(page)).toHaveAccessibleName(bellName(count - 1), { timeout: 15_000 });
});

test("without EventSource the bell asks every 30 seconds instead", async ({ browser, ledger }) => {
  const person = await newPerson(browser, "Pia Polling", "freelancer");
  const page = person.page;
  // A browser without server-sent events, and a clock the test moves.
  await page.addInitScript(() => {
    delete (window as unknown as { EventSource?: unknown }).EventSource;
  });
  await page.clock.install();
  await page.goto("/dashboard");
  await expect(bell(page)).toHaveAttribute("data-live", "polling");
  const before = await bellCount(page);

  const { id } = await ledger.user.findUniqueOrThrow({ where: { email: person.user.email }, select: { id: true } });
  await makeNotification(ledger, id, { title: "Polled", body: "Found by the bell's next question." });
  await page.clock.fastForward(31_000);
  await expect(bell(page)).toHaveAccessibleName(bellName(before + 1));

  // A page at a time (20), newest first; "Load more" brings the rest and stays focused while it loads.
  for (let i = 1; i <= 21; i++) await makeNotification(ledger, id, { title: `Older notification ${i}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)) });
  await page.goto("/notifications");
  await expect(page.getByTestId("notification")).toHaveCount(20);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(page.getByTestId("notification")).toHaveCount(await ledger.notification.count({ where: { userId: id } }));
  await expect(page.getByTestId("notification").last()).toContainText("Older notification 1");
  await expect(page.getByRole("button", { name: /Load more/ })).toHaveCount(0);

  // The stream is for people signed in, like the pages.
  const signedOut = await browser.newContext();
  const refused = await signedOut.request.get("/api/notifications/stream");
  expect(refused.status()).toBe(401);
  expect(await refused.text()).toBe("Sign in to get live updates.");
  await signedOut.close();
});
