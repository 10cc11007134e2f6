import { expect, type Page } from "@playwright/test";

let counter = 0;
/** An email no other test (or earlier run against the same database) has used. */
export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${counter++}@e2e.test`;

export async function signUp(page: Page, user: { name: string; email: string; password: string; role: "client" | "freelancer" }) {
  await page.goto("/sign-up");
  await page.getByRole("radio", { name: user.role === "client" ? /I want to hire/ : /I want to work/ }).check();
  await page.getByLabel("Full name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sign in to Fairlance" })).toBeVisible();
}
