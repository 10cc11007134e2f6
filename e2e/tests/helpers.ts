import { expect, type Browser, type Page } from "@playwright/test";
import { confirmEmail } from "./mail";

let counter = 0;
/** An email no other test (in this worker or the other, or an earlier run against the same database) has used. */
export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${process.pid.toString(36)}-${counter++}@e2e.test`;

/**
 * Signs up through the form, then (unless `confirm: false`) confirms the email from the emailed
 * link as a new person does before proposing, posting or withdrawing (economy.md §13), and comes
 * back to the dashboard.
 */
export async function signUp(page: Page, user: { name: string; email: string; password: string; role: "client" | "freelancer" }, options: { confirm?: boolean } = {}) {
  await page.goto("/sign-up");
  await page.getByRole("radio", { name: user.role === "client" ? /I want to hire/ : /I want to work/ }).check();
  await page.getByLabel("Full name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
  if (options.confirm === false) return;
  await confirmEmail(page, user.email);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Opens the header's Menu when the page is phone-sized (below `md` the links and Sign out are in it). */
export async function openMenuIfFolded(page: Page) {
  const menu = page.getByRole("banner").getByRole("button", { name: "Menu" });
  if ((await menu.isVisible()) && (await menu.getAttribute("aria-expanded")) !== "true") await menu.click();
}

export async function signOut(page: Page) {
  await openMenuIfFolded(page);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Fairlance" })).toBeVisible();
}

/** The demo data's admin (seeded in every e2e database). */
export const ADMIN = { email: "admin@fairlance.test", password: "fairlance-admin" };

/** A browser page of its own, signed in as the demo admin, on the dashboard. */
export async function adminPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { name: "Welcome, Ada Admin" })).toBeVisible();
  return page;
}
