import { type Frame, type Page } from "@playwright/test";
import { expect, test } from "./test";
import { fillProposal, newPerson, postFixedJob } from "./jobs-helpers";
import { signIn } from "./helpers";

async function addCard(page: Page) {
  await page.goto("/billing/methods");
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry (MM/YY)").fill("12/30");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: "Add card" }).click();
  await expect(page.getByTestId("verified-badge")).toHaveText(/Payment verified/);
}

const stat = (page: Page, label: string) => page.locator("dl > div").filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd").first();

test("a fixed-price job from posting to withdrawal: connects, hire, escrow, approval, tiered fee, security period, payout", async ({ browser }) => {
  test.setTimeout(240_000);
  const title = "Checkout page redesign";
  const client = await newPerson(browser, "Clara Fullcycle", "client");
  await addCard(client.page);
  const jobId = await postFixedJob(client.page, { title, budget: "1000", days: "60", expectedConnects: 6 });

  // The freelancer sees the connect cost and proposes; the balance drops by exactly that cost.
  const freelancer = await newPerson(browser, "Felix Fullcycle", "freelancer");
  const page = freelancer.page;
  await page.goto(`/jobs/${jobId}`);
  await expect(page.getByTestId("connects-required")).toHaveText("6 connects");
  await expect(page.getByTestId("connect-balance")).toHaveText("20 connects");
  await fillProposal(page, { bid: "1000", boost: 0 });
  await page.getByRole("button", { name: "Submit and spend 6 connects" }).click();
  await expect(page.getByTestId("connect-balance")).toHaveText("14 connects");

  // The client hires with one milestone of the whole bid.
  await client.page.goto(`/client/jobs/${jobId}`);
  await client.page.getByRole("button", { name: "Open proposal" }).click();
  await client.page.getByRole("link", { name: "Hire" }).click();
  await expect(client.page.getByRole("heading", { name: "Hire Felix Fullcycle" })).toBeVisible();
  await expect(client.page.getByLabel("Milestone 1 amount (USD)")).toHaveValue("$1,000.00");
  await expect(client.page.getByText("When funded: $1,000.00 + client fee $30.00 = $1,030.00")).toBeVisible();
  await client.page.getByRole("button", { name: "Send offer" }).click();
  await expect(client.page).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/);
  const contractUrl = new URL(client.page.url()).pathname;

  await page.goto(contractUrl);
  await page.getByRole("button", { name: "Accept offer" }).click();
  await expect(page.getByTestId("contract-status")).toHaveText("Active");

  await client.page.reload();
  await client.page.getByRole("button", { name: "Fund milestone" }).click();
  await client.page.getByRole("button", { name: "Pay $1,030.00" }).click();
  await expect(client.page.getByText(`Funded "${title}": $1,030.00 was charged to your card.`)).toBeVisible();

  // Submit: $1,000 to a new client is $500 × 20% + $500 × 10% = $150 fee, $850 net (economy.md §3.5).
  await page.reload();
  // One milestone: the contract's fee plan is its preview (shown once, above the milestones).
  const preview = page.getByTestId("fee-plan-preview");
  await expect(preview).toContainText("Service fee 20% of $500.00−$100.00");
  await expect(preview).toContainText("Service fee 10% of $500.00−$50.00");
  await expect(page.getByTestId("fee-plan-preview-net")).toHaveText("$850.00");
  await page.getByRole("button", { name: "Submit work" }).click();
  await expect(page.getByTestId("milestone-status")).toHaveText("Submitted, in review");

  await client.page.reload();
  await client.page.getByRole("button", { name: "Approve and pay" }).click();
  // The client sees what they paid, and nothing of the freelancer's fee (economy.md §3.5).
  const approveDialog = client.page.getByRole("group", { name: `Approve "${title}"` });
  await expect(approveDialog).toContainText("You paid in total$1,030.00");
  await expect(client.page.getByTestId("fee-preview")).toHaveCount(0);
  await client.page.getByRole("button", { name: "Approve and release $1,000.00" }).click();
  await expect(client.page.getByText(`Approved "${title}": $1,000.00 is released to the freelancer.`)).toBeVisible();
  await client.page.goto("/billing");
  await expect(client.page.getByTestId("billing-charges").getByRole("row").filter({ hasText: title })).toContainText("$1,030.00");
  // Where the money is: $1,030 charged = $1,000 paid to the freelancer + $30 client fee, nothing in escrow.
  await expect(client.page.getByTestId("billing-statement").locator("tfoot")).toContainText("$1,030.00$0.00$0.00$1,000.00$30.00");

  // Pending for the security period, with the date it becomes available.
  await page.goto("/earnings");
  await expect(stat(page, "Pending")).toHaveText("$850.00");
  await expect(page.getByTestId("pending-item")).toContainText(`$850.00 from ${title} is pending: available on`);
  const paid = page.getByTestId("earnings-history").locator('tr[data-kind="payment"]').first();
  await expect(paid).toContainText("Gross (what the client paid for the work)$1,000.00");
  await expect(paid).toContainText("Service fee 20% of $500.00−$100.00");
  await expect(paid).toContainText("Service fee 10% of $500.00−$50.00");
  await expect(paid).toContainText("Net, into Pending$850.00");

  // A payout method waits 3 days; add it now.
  await page.goto("/payouts");
  await page.getByLabel("Type", { exact: true }).selectOption("ACH");
  await page.getByLabel("Account number").fill("123456789012");
  await page.getByLabel("Name for this method").fill("Checking");
  await page.getByRole("button", { name: "Add payout method" }).click();
  await expect(page.getByText(/Checking \(…9012\) added: usable from/)).toBeVisible();

  // A week later (the demo clock) the money is available. The clock is moved from a page that does
  // not exist, which stays as it is: asked to refresh it, Next would reload the whole document.
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  let reloads = 0;
  const countReload = (frame: Frame) => (frame === page.mainFrame() ? reloads++ : undefined);
  page.on("framenavigated", countReload);
  const before = await page.getByTestId("demo-clock-now").textContent();
  await page.getByRole("button", { name: "Move the clock forward +7 days" }).click();
  await expect(page.getByTestId("demo-clock-now")).not.toHaveText(before ?? "");
  await expect(page.getByText("scheduled jobs are up to date")).toBeVisible({ timeout: 30_000 });
  // A refresh would have been asked for by now (after the clock's answer, and when the runner caught up); its reload takes well under this.
  await page.waitForTimeout(2_000);
  expect(reloads, "the not-found page reloaded when the clock moved").toBe(0);
  page.off("framenavigated", countReload);
  await page.goto("/earnings");
  await expect(async () => {
    await page.reload();
    await expect(stat(page, "Available")).toHaveText("$850.00", { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(stat(page, "Pending")).toHaveText("$0.00");

  // Withdraw all of it: ACH costs $0, so $850.00 arrives.
  await page.goto("/payouts");
  await page.getByLabel("Amount (USD)").fill("850");
  await expect(page.getByText("You receive$850.00")).toBeVisible();
  await page.getByRole("button", { name: "Review withdrawal" }).click();
  await page.getByRole("button", { name: "Withdraw $850.00" }).click();
  await expect(page.getByText(/Withdrawal (sent|on its way): \$850\.00 to your payout method\./)).toBeVisible();
  await page.goto("/earnings");
  await expect(stat(page, "Available")).toHaveText("$0.00");

  // The ledger's invariants hold (economy.md §7), checked by the admin.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@fairlance.test", "fairlance-admin");
  await admin.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  const response = await admin.request.post("/api/trpc/admin.ledger.checkInvariants", { data: {} });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { result: { data: { json: { ok: boolean } } } };
  expect(body.result.data.json.ok).toBe(true);
});
