import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { ADMIN, signIn, signOut } from "./helpers";

// Pages on a phone (390 px wide): the header's Menu holds every link of the role and marks the
// current page; no page scrolls sideways as a whole (wide tables scroll inside their own box).
// Screenshots of each page go to e2e/.screenshots (git-ignored), `phone-…` and, for the
// dashboards, `desktop-…` too.

const PHONE = { width: 390, height: 844 };
const dir = join(import.meta.dirname, "..", ".screenshots");
const shot = (name: string) => join(dir, `${name.replace(/^\//, "").replaceAll("/", "-") || "home"}.png`);

/** The page at `path` fits the phone's width: nothing makes the whole page scroll sideways. */
async function fitsThePhone(page: Page, path: string, name = path) {
  await page.goto(path);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await page.waitForLoadState("networkidle");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.screenshot({ path: shot(`phone-${name}`), fullPage: true });
  expect.soft(overflow, `${path} scrolls sideways by ${overflow}px at 390px`).toBeLessThanOrEqual(0);
}

/** The first link on the page at `path` that leads under `prefix` (a job, a contract…). */
async function firstLink(page: Page, path: string, prefix: string) {
  await page.goto(path);
  return page.locator(`main a[href^="${prefix}"]`).first().getAttribute("href");
}

test("the header's Menu on a phone: every link, the current page marked, Escape and navigation close it", async ({ browser }) => {
  const page = await browser.newPage({ viewport: PHONE });
  await signIn(page, "fran@fairlance.test", "fairlance-demo");
  await page.getByRole("heading", { name: /Welcome/ }).waitFor();
  const header = page.getByRole("banner");
  const menu = header.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  // Folded: no link of the role shows, nor the account's.
  await expect(header.getByRole("link", { name: "Earnings" })).toBeHidden();
  await expect(header.getByRole("button", { name: "Sign out", exact: true })).toBeHidden();

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const nav = page.locator(`#${await menu.getAttribute("aria-controls")}`);
  for (const name of ["Dashboard", "Find work", "Proposals", "Contracts", "Connects", "Earnings", "Withdraw", "Account"]) {
    await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await page.screenshot({ path: shot("phone-menu-open-freelancer") });

  // Escape folds it and gives focus back to the button.
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();

  // Following a link leaves it folded, with the new page marked.
  await menu.click();
  await nav.getByRole("link", { name: "Earnings" }).click();
  await expect(page).toHaveURL(/\/earnings$/);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(nav.getByRole("link", { name: "Earnings" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Dashboard" })).not.toHaveAttribute("aria-current", "page");
  // A tap outside folds it too.
  await page.locator("main").click({ position: { x: 5, y: 5 } });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await signOut(page);
  await page.close();
});

test("no page scrolls sideways on a phone, for each role", async ({ browser }) => {
  test.setTimeout(300_000);
  mkdirSync(dir, { recursive: true });
  const page = await browser.newPage({ viewport: PHONE });

  await signIn(page, "fran@fairlance.test", "fairlance-demo");
  await page.getByRole("heading", { name: /Welcome/ }).waitFor();
  const job = await firstLink(page, "/jobs", "/jobs/");
  const contract = await firstLink(page, "/contracts", "/contracts/");
  for (const path of ["/dashboard", "/jobs", "/proposals", "/contracts", "/connects", "/earnings", "/payouts", "/billing/methods", "/account", "/notifications"]) {
    await fitsThePhone(page, path, path === "/dashboard" ? "dashboard-freelancer" : `freelancer${path}`);
    // The charts, up close: their axis text and labels at a phone's size.
    const chart = path === "/earnings" ? /Net earned per week/ : path === "/connects" ? /Connects spent/ : null;
    if (chart) await page.locator("figure").filter({ has: page.getByRole("img", { name: chart }) }).screenshot({ path: shot(`phone-chart${path}`) });
  }
  if (job) await fitsThePhone(page, job, "freelancer-job");
  if (contract) await fitsThePhone(page, contract, "freelancer-contract");
  await signOut(page);

  await signIn(page, "carol@acme.test", "fairlance-demo");
  await page.getByRole("heading", { name: /Welcome/ }).waitFor();
  const ownJob = await firstLink(page, "/client/jobs", "/client/jobs/");
  const clientContract = await firstLink(page, "/contracts", "/contracts/");
  for (const path of ["/dashboard", "/client/jobs", "/jobs/new", "/client/offers/new", "/contracts", "/billing", "/billing/methods"]) {
    await fitsThePhone(page, path, path === "/dashboard" ? "dashboard-client" : `client${path}`);
  }
  if (ownJob) await fitsThePhone(page, ownJob, "client-job");
  if (clientContract) await fitsThePhone(page, clientContract, "client-contract");
  await signOut(page);

  await signIn(page, ADMIN.email, ADMIN.password);
  await page.getByRole("heading", { name: /Welcome/ }).waitFor();
  for (const path of ["/dashboard", "/admin/settings", "/admin/people", "/admin/moderation", "/admin/disputes", "/admin/ledger", "/admin/audit", "/admin/jobs-runs"]) {
    await fitsThePhone(page, path, path === "/dashboard" ? "dashboard-admin" : path.slice(1));
  }
  await page.close();

  // The dashboards at desktop width, to compare.
  const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const [role, email, password] of [
    ["freelancer", "fran@fairlance.test", "fairlance-demo"],
    ["client", "carol@acme.test", "fairlance-demo"],
    ["admin", ADMIN.email, ADMIN.password],
  ] as const) {
    await signIn(desktop, email, password);
    await desktop.getByRole("heading", { name: /Welcome/ }).waitFor();
    await desktop.screenshot({ path: shot(`desktop-dashboard-${role}`), fullPage: true });
    // Between a phone and a desktop: the links take a row of their own under the header.
    await desktop.setViewportSize({ width: 820, height: 900 });
    await desktop.screenshot({ path: shot(`tablet-dashboard-${role}`) });
    await desktop.setViewportSize({ width: 1280, height: 900 });
    await signOut(desktop);
  }
  await desktop.close();
});
