import { expect, test } from "./test";
import { signIn, signOut, signUp, uniqueEmail } from "./helpers";

test("a freelancer signs up, signs out, signs back in and sees their dashboard", async ({ page }) => {
  const user = { name: "Nia Freelancer", email: uniqueEmail("nia"), password: "correct horse battery", role: "freelancer" as const };
  await signUp(page, user);

  const header = page.getByRole("banner");
  await expect(header.getByTestId("header-user-name")).toHaveText(user.name);
  await expect(header.getByText("Freelancer", { exact: true })).toBeVisible();
  await expect(page.getByText(/Freelancer · .* · member since/)).toBeVisible();
  // A new freelancer's dashboard says what to do next; real data from the database: the open jobs
  // (the demo data has some; other journeys add more), each a link to the job.
  await expect(page.getByRole("region", { name: "Active contracts" }).getByRole("link", { name: "Find work" })).toBeVisible();
  const jobs = page.getByRole("region", { name: /New jobs \([1-9]\d* open\)/ });
  await expect(jobs.getByRole("listitem").first().getByRole("link")).toHaveAttribute("href", /^\/jobs\/.+/);

  await signOut(page);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, user.email, user.password);
  await expect(page.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
  await expect(page.getByText(user.email)).toBeVisible();
});

test("a wrong password gets a clear message and no session", async ({ page }) => {
  const user = { name: "Omar Client", email: uniqueEmail("omar"), password: "a good long password", role: "client" as const };
  await signUp(page, user);
  await signOut(page);

  await signIn(page, user.email, "not the password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("repeated failures for one account from one address must wait, and are told how long", async ({ page }) => {
  const user = { name: "Pia Client", email: uniqueEmail("pia"), password: "a good long password", role: "client" as const };
  await signUp(page, user);
  await signOut(page);

  for (let attempt = 0; attempt < 5; attempt++) {
    await signIn(page, user.email, `wrong-${attempt}`);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  }
  // From this address even the right password waits its turn (another address would get in).
  await signIn(page, user.email, user.password);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/^Too many wrong passwords were tried\. Try again in \d+ seconds\.$/);
});

test("sign-up explains what is wrong with the form", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill("Short Password");
  await page.getByLabel("Email").fill(uniqueEmail("short"));
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters for your password.")).toBeVisible();
  // The password policy's refusal is shown beside the password field too.
  await page.getByLabel("Password").fill("1234567890");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#password-error")).toContainText("repeated or sequential pattern");
});

test("a person changes their password on the account page and signs in with the new one", async ({ page }) => {
  const user = { name: "Quinn Changer", email: uniqueEmail("quinn"), password: "a good long password", role: "client" as const };
  await signUp(page, user);
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await page.getByLabel("Current password").fill("not the password");
  await page.getByLabel("New password", { exact: true }).fill("another good password");
  await page.getByLabel("Repeat the new password").fill("another good password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#current-password-error")).toHaveText("That is not your current password. Enter the one you sign in with now.");
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill("qwertyuiop");
  await page.getByLabel("Repeat the new password").fill("qwertyuiop");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#new-password-error")).toContainText("repeated or sequential pattern");
  await page.getByLabel("New password", { exact: true }).fill("another good password");
  await page.getByLabel("Repeat the new password").fill("another good password");
  await page.getByRole("button", { name: "Change password" }).click();
  // This browser stays signed in; every other one was signed out.
  await expect(page.getByText("Your password was changed, and every other browser was signed out.")).toBeVisible();
  await signOut(page);
  await signIn(page, user.email, user.password);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await signIn(page, user.email, "another good password");
  await expect(page.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
});

test("the demo admin signs in and sees the marketplace overview", async ({ page }) => {
  await signIn(page, "admin@fairlance.test", "fairlance-admin");
  await expect(page.getByRole("heading", { name: "Welcome, Ada Admin" })).toBeVisible();
  await expect(page.getByRole("banner").getByText("Admin", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "People" })).toBeVisible();
  await expect(page.getByText("Freelancers", { exact: true })).toBeVisible();
});
