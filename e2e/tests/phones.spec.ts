import { screenshot, SCREENSHOTS } from "./screenshots";
import { expect, test } from "./test";
import { ADMIN, signIn, signOut } from "./helpers";

// Pages on a phone (390 px wide): the header's Menu holds every link of the role and marks the
// current page. That no page scrolls sideways on a phone is checked on every page by
// every-page.spec.ts; here the dashboards between a phone and a desktop. Screenshots (when taken,
// screenshots.ts) go to e2e/.screenshots.

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 820, height: 900 };
const DESKTOP = { width: 1280, height: 900 };

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
  await screenshot(page, "phone-menu-open-freelancer", { fullPage: false });

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

test("between a phone and a desktop (820 px) the dashboards fit, their links on a row of their own", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await browser.newPage({ viewport: DESKTOP });
  for (const [role, email, password] of [
    ["freelancer", "fran@fairlance.test", "fairlance-demo"],
    ["client", "carol@acme.test", "fairlance-demo"],
    ["admin", ADMIN.email, ADMIN.password],
  ] as const) {
    await signIn(page, email, password);
    await page.getByRole("heading", { name: /Welcome/ }).waitFor();
    await screenshot(page, `desktop-dashboard-${role}`);
    await page.setViewportSize(TABLET);
    await expect(page.getByRole("banner").getByRole("button", { name: "Menu" })).toBeHidden();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect.soft(overflow, `the ${role}'s dashboard scrolls sideways by ${overflow}px at 820px`).toBeLessThanOrEqual(0);
    await screenshot(page, `tablet-dashboard-${role}`, { fullPage: false });
    if (role === "freelancer" && SCREENSHOTS) {
      // The charts, up close: their axis text and labels at a phone's size.
      await page.setViewportSize(PHONE);
      for (const [path, chart] of [["/earnings", /Net earned per week/], ["/connects", /Connects spent/]] as const) {
        await page.goto(path);
        await screenshot(page.locator("figure").filter({ has: page.getByRole("img", { name: chart }) }), `phone-chart${path}`);
      }
    }
    await page.setViewportSize(DESKTOP);
    await signOut(page);
  }
  await page.close();
});
