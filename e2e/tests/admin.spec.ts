import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Page } from "@playwright/test";
import { expect, test } from "./test";
import { adminPage, signIn, signUp, uniqueEmail } from "./helpers";
import { e2eEnv } from "../env";

/** The admin changes the connect price now, with a reason, after seeing the impact on a 10-connect bundle. */
async function changeConnectPrice(page: Page, dollars: string, reason: string, bundleBefore: string, bundleAfter: string) {
  await page.goto("/admin/settings");
  const row = page.getByTestId("setting-connectPriceMinor");
  await row.getByRole("button", { name: "Edit Connect price" }).click();
  await row.getByLabel("New value for Connect price").fill(dollars);
  await row.getByLabel("Reason (required)").fill(reason);
  await row.getByRole("button", { name: "Review change" }).click();
  const bundles = row.getByTestId("impact-bundles");
  await expect(bundles.getByRole("row", { name: /^10 connects/ })).toHaveText(new RegExp(`10 connects\\s*\\${bundleBefore}\\s*\\${bundleAfter}`));
  await row.getByRole("button", { name: "Save change" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Connect price saved" })).toBeVisible();
  await expect(row.getByTestId("setting-value")).toHaveText(`$${dollars}`);
}

test("an admin changes the connect price with a reason; new bundles follow it, an earlier purchase keeps its price, the audit log shows it", async ({ browser }) => {
  test.setTimeout(180_000);
  // A freelancer with a card buys 10 connects at today's price.
  const freelancer = await browser.newPage();
  const fay = { name: "Fay Buyer", email: uniqueEmail("fay"), password: "correct horse battery", role: "freelancer" as const };
  await signUp(freelancer, fay);
  await freelancer.goto("/billing/methods");
  await freelancer.getByLabel("Card number").fill("4242 4242 4242 4242");
  await freelancer.getByLabel("Expiry (MM/YY)").fill("12/30");
  await freelancer.getByLabel("CVC").fill("123");
  await freelancer.getByRole("button", { name: "Add card" }).click();
  await expect(freelancer.getByText(/added and verified/)).toBeVisible();
  const buyTen = async (price: string) => {
    await freelancer.goto("/connects");
    await freelancer.getByRole("button", { name: "Buy 10 connects" }).click();
    await expect(freelancer.getByTestId("buy-confirm")).toContainText(`You will be charged ${price} for 10 connects`);
    await freelancer.getByRole("button", { name: "Pay and add connects" }).click();
    await expect(freelancer.getByText(`10 connects added for ${price}`)).toBeVisible();
  };
  await buyTen("$1.50");

  // The admin sees the impact and changes the price, with a reason.
  const admin = await adminPage(browser);
  await changeConnectPrice(admin, "0.20", "Cover card processing costs", "$1.50", "$2.00");
  const row = admin.getByTestId("setting-connectPriceMinor");
  const history = row.getByTestId("history-connectPriceMinor");
  await expect(history.getByRole("row").nth(1)).toContainText("$0.15");
  await expect(history.getByRole("row").nth(1)).toContainText("$0.20");
  await expect(history.getByRole("row").nth(1)).toContainText("Ada Admin");
  await expect(history.getByRole("row").nth(1)).toContainText("Cover card processing costs");

  // The freelancer's bundles now cost the new price; a new purchase is charged it.
  await freelancer.goto("/connects");
  await expect(freelancer.getByText("10 connects").first()).toBeVisible();
  await expect(freelancer.locator("label").filter({ hasText: "10 connects" })).toContainText("$2.00");
  await buyTen("$2.00");
  const bought = freelancer.getByTestId("connects-history").getByRole("row").filter({ hasText: "Bought" });
  await expect(bought).toHaveCount(2);
  // In the freelancer's own history, the earlier purchase keeps the price it was bought at.
  await expect(bought.nth(0).getByTestId("purchase-price")).toHaveText("Paid $2.00 ($0.20 per connect, by card)");
  await expect(bought.nth(1).getByTestId("purchase-price")).toHaveText("Paid $1.50 ($0.15 per connect, by card)");

  // The earlier purchase keeps its price: the freelancer's ledger shows $1.50 then $2.00 of connect sales.
  await admin.goto("/admin/people");
  await admin.getByLabel("Search by name or email").fill(fay.email);
  await admin.getByRole("button", { name: `Open ${fay.name}` }).click();
  await expect(admin.getByTestId("user-connects")).toHaveText("40");
  await admin.getByRole("link", { name: `Money and connects ledger of ${fay.name}` }).click();
  const sales = admin.getByTestId("ledger-transfers").getByRole("row").filter({ hasText: "platform_revenue:connect_sales" });
  await expect(sales).toHaveCount(2);
  await expect(sales.nth(0)).toContainText("$2.00");
  await expect(sales.nth(1)).toContainText("$1.50");

  // The audit log shows the change in words: who, what, the value before and after, why.
  await admin.goto("/admin/audit");
  await admin.getByLabel("What happened").selectOption({ label: "Settings changed" });
  await admin.getByRole("button", { name: "Search" }).click();
  const entry = admin.getByTestId("audit-log").getByRole("listitem").filter({ hasText: "Cover card processing costs" });
  await expect(entry).toContainText("Changed the setting Connect price");
  await expect(entry).toContainText(/Connect price\s*\$0\.15\s*→\s*\$0\.20/);
  await expect(entry).toContainText("Ada Admin");
  await expect(entry.getByRole("link", { name: "Connect price" })).toHaveAttribute("href", "/admin/settings#setting-connectPriceMinor");

  // The ledger still balances.
  await admin.goto("/admin/ledger");
  await admin.getByRole("button", { name: "Run the invariant check" }).click();
  await expect(admin.getByText(/All invariants hold/)).toBeVisible();

  // Back to the default price so other journeys see the usual prices (a second, reasoned change).
  await changeConnectPrice(admin, "0.15", "Restore the usual price after the experiment", "$2.00", "$1.50");
});

test("an admin removes a flagged message and warns its sender; the sender sees why, and the warning on their dashboard", async ({ browser }) => {
  test.setTimeout(180_000);
  // Gus (demo freelancer) writes a payment scam on his proposal's conversation: the shield flags it.
  const gus = await browser.newPage();
  await signIn(gus, "gus@fairlance.test", "fairlance-demo");
  await expect(gus.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await gus.goto("/proposals");
  await gus.getByRole("link", { name: "Fix a flaky CSV import" }).click();
  const body = `Pay me in bitcoin and we skip the fees (${Date.now()})`;
  await gus.getByLabel("Write a message").fill(body);
  await gus.getByRole("button", { name: "Send message" }).click();
  await expect(gus.getByText(/Your message was flagged by the scam shield/)).toBeVisible();

  // The admin finds it first on the moderation page, with its reason, and removes it.
  const admin = await adminPage(browser);
  await admin.goto("/admin/moderation");
  const waiting = admin.getByTestId("flagged-waiting").getByTestId("flagged-message").filter({ hasText: body });
  await expect(waiting).toContainText("Gus Lindqvist wrote to Carol Chen");
  await expect(waiting).toContainText("Flagged for:");
  await expect(waiting.getByRole("link", { name: "Gus Lindqvist" })).toHaveAttribute("href", /\/admin\/people\?user=/);
  await waiting.getByRole("button", { name: "Remove message" }).click();
  await waiting.getByLabel("Why is it removed? (the sender sees this)").fill("Payments stay on Fairlance");
  await waiting.getByRole("button", { name: "Review" }).click();
  await expect(waiting.getByText("This will:")).toBeVisible();
  await waiting.getByRole("button", { name: "Confirm: remove message" }).click();
  await expect(admin.getByText("Message removed: both people see a notice instead")).toBeVisible();

  // Reviewed now: still there to warn its sender.
  const reviewed = admin.getByTestId("flagged-reviewed").getByTestId("flagged-message").filter({ hasText: body });
  await expect(reviewed).toContainText("Removed");
  await reviewed.getByRole("button", { name: "Warn Gus Lindqvist" }).click();
  await reviewed.getByLabel("What should they stop doing? (they see this)").fill("Never ask clients to pay outside Fairlance");
  await reviewed.getByRole("button", { name: "Review" }).click();
  await reviewed.getByRole("button", { name: "Confirm: warn Gus Lindqvist" }).click();
  await expect(admin.getByText("Warning sent")).toBeVisible();
  await expect(reviewed.getByRole("button", { name: "Warn Gus Lindqvist" })).toHaveCount(0);

  // The audit log says both in words.
  await admin.goto("/admin/audit");
  const log = admin.getByTestId("audit-log");
  await expect(log.getByRole("listitem").filter({ hasText: "Never ask clients to pay outside Fairlance" })).toContainText("Warned Gus Lindqvist");
  await expect(log.getByRole("listitem").filter({ hasText: "Payments stay on Fairlance" }).first()).toContainText("Removed a message from Gus Lindqvist to Carol Chen");

  // Gus sees the notice in place of his message, with the reason, and the warning on his dashboard.
  await gus.reload();
  await expect(gus.getByText("Your message was removed by Fairlance: Payments stay on Fairlance")).toBeVisible();
  await expect(gus.getByText(body)).toHaveCount(0);
  await gus.goto("/dashboard");
  await expect(gus.getByTestId("account-notices")).toContainText("Never ask clients to pay outside Fairlance");
});

test("non-admins are turned away from the admin console", async ({ page }) => {
  await signIn(page, "fran@fairlance.test", "fairlance-demo");
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.goto("/admin/settings");
  await expect(page.getByText("The admin console is for admins.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Marketplace settings" })).toHaveCount(0);
});

const SHOTS = e2eEnv.ADMIN_SHOTS_DIR;
test("screenshots of the admin console", async ({ browser }) => {
  test.skip(!SHOTS, "set ADMIN_SHOTS_DIR to take them");
  test.setTimeout(180_000);
  mkdirSync(SHOTS!, { recursive: true });
  for (const [device, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]] as const) {
    const page = await adminPage(browser, viewport);
    for (const path of ["settings", "people", "moderation", "ledger", "audit", "jobs-runs"]) {
      await page.goto(`/admin/${path}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await expect(page.locator(".animate-pulse")).toHaveCount(0, { timeout: 30_000 });
      if (path === "settings") {
        const row = page.getByTestId("setting-connectRateCard");
        await row.getByRole("button", { name: "Edit Connect rate card" }).click();
        await row.getByLabel("Reason (required)").fill("Preview only");
        await row.getByRole("button", { name: "Review change" }).click();
        await row.getByText("Impact preview").waitFor();
      }
      if (path === "people") {
        await page.getByRole("button", { name: "Open Fran Okafor" }).click();
        await page.getByTestId("user-detail").waitFor();
      }
      if (path === "ledger") {
        await page.getByRole("button", { name: "Run the invariant check" }).click();
        await page.getByText(/invariants hold|violated/).first().waitFor();
      }
      await page.screenshot({ path: join(SHOTS!, `${device}-admin-${path}.png`), fullPage: true });
    }
    await page.close();
  }
});
