import { screenshot } from "./screenshots";
import { expect, test } from "./test";
import { signIn, signOut, signUp, uniqueEmail } from "./helpers";
import { confirmEmail, emailedPath, emailsTo } from "./mail";

// Accounts people can recover (economy.md §13): a new person confirms their email from the emailed
// link; a forgotten password is reset from its emailed link (read in the demo mailbox) and every
// old session stops working; the email is changed by confirming the new address.

test("sign up, confirm the email, reset a forgotten password from the emailed link: the old sessions end", async ({ browser }) => {
  test.setTimeout(120_000);
  const user = { name: "Rosa Recover", email: uniqueEmail("rosa"), password: "my first long password", role: "freelancer" as const };
  const laptop = await (await browser.newContext()).newPage();
  await signUp(laptop, user, { confirm: false });

  // Unconfirmed: the dashboard says what waits for the link.
  const notice = laptop.getByTestId("confirm-email-notice");
  await expect(notice).toContainText("Confirm your email.");
  await expect(notice).toContainText(/We sent a link to r…@e2e\.test; follow it before you send proposals, post jobs and withdraw money\./);
  // For people to look at: the notice on a phone (e2e/.screenshots).
  await laptop.setViewportSize({ width: 390, height: 844 });
  await screenshot(laptop, "phone-dashboard-confirm-email");
  await laptop.setViewportSize({ width: 1280, height: 720 });
  await confirmEmail(laptop, user.email);
  // A second use of the same link is refused with a sentence.
  await laptop.goto(await emailedPath(user.email, "verify_email"));
  await laptop.getByRole("button", { name: "Confirm my email" }).click();
  await expect(laptop.getByRole("main").getByRole("alert")).toHaveText("This link was already used.");
  await laptop.goto("/dashboard");
  await expect(laptop.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
  await expect(laptop.getByTestId("confirm-email-notice")).toHaveCount(0);

  // A second browser signs in; the account page lists both.
  const phone = await (await browser.newContext()).newPage();
  await signIn(phone, user.email, user.password);
  await expect(phone.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
  await laptop.goto("/account");
  const sessions = laptop.getByRole("list", { name: "Signed-in browsers" }).getByTestId("session-row");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.first()).toContainText("This browser");

  // Forgotten: from the sign-in page of a third browser.
  const other = await (await browser.newContext()).newPage();
  await other.goto("/sign-in");
  await other.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(other.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await other.getByLabel("Email").fill(user.email);
  await other.getByRole("button", { name: "Email me a link" }).click();
  const sameAnswer = "If an account uses this email, we sent it a link to choose a new password. The link works for 1 hour; check your spam folder if it does not arrive.";
  await expect(other.getByRole("status").filter({ hasText: sameAnswer })).toBeVisible();
  // An address nobody uses gets the same answer, and no email.
  const nobody = uniqueEmail("nobody");
  await other.getByLabel("Email").fill(nobody);
  await other.getByRole("button", { name: "Email me a link" }).click();
  await expect(other.getByRole("status").filter({ hasText: sameAnswer })).toBeVisible();
  expect(await emailsTo(nobody, "reset_password")).toBe(0);

  // The email, read in the demo mailbox as the person reads it, and its button followed.
  await other.goto("/mailbox");
  await other.getByLabel("Recipient").fill(user.email);
  await other.getByRole("button", { name: "Search" }).click();
  await other.getByRole("listitem").filter({ hasText: user.email }).getByRole("link", { name: "Reset your Fairlance password" }).click();
  await expect(other.getByRole("heading", { level: 1, name: "Reset your Fairlance password" })).toBeVisible();
  const email = other.frameLocator('iframe[title="The email “Reset your Fairlance password” as HTML"]');
  await expect(email.getByText("The link works once, for 1 hour.", { exact: false })).toBeVisible();
  await email.getByRole("link", { name: "Choose a new password", exact: true }).click();
  await expect(other).toHaveURL(/\/reset-password\?token=/);
  await expect(other.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await other.getByLabel("New password", { exact: true }).fill("my second long password");
  await other.getByLabel("Repeat the new password").fill("my second long passwrod");
  await other.getByRole("button", { name: "Save the new password" }).click();
  await expect(other.locator("#reset-repeat-password-error")).toHaveText("The two passwords are not the same. Type the new one again.");
  await other.getByLabel("Repeat the new password").fill("my second long password");
  await other.getByRole("button", { name: "Save the new password" }).click();
  await expect(other.getByText(/Your password was changed, and every browser signed in to .* was signed out\./)).toBeVisible();
  expect(await emailsTo(user.email, "password_changed")).toBe(1);

  // The old sessions stop working: their next navigation goes to sign-in.
  for (const page of [laptop, phone]) {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in/);
  }
  await signIn(laptop, user.email, user.password);
  await expect(laptop.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await signIn(laptop, user.email, "my second long password");
  await expect(laptop.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
  for (const page of [laptop, phone, other]) await page.context().close();
});

test("a person changes their email: it changes when the link sent to the new address is followed", async ({ page }) => {
  const user = { name: "Eli Emailer", email: uniqueEmail("eli"), password: "my first long password", role: "client" as const };
  await signUp(page, user);
  await page.goto("/account");
  await expect(page.getByTestId("email-status")).toContainText(`${user.email} — confirmed on`);

  const next = uniqueEmail("eli-new");
  await page.getByLabel("New email").fill(next);
  await page.getByLabel("Your password").fill("not my password");
  await page.getByRole("button", { name: "Change email" }).click();
  await expect(page.locator("#email-current-password-error")).toHaveText("That is not your current password. Enter the one you sign in with now.");
  await page.getByLabel("Your password").fill(user.password);
  await page.getByRole("button", { name: "Change email" }).click();
  await expect(page.getByText(`We sent a link to ${next}.`, { exact: false })).toBeVisible();
  await expect(page.getByTestId("email-status")).toContainText(`Waiting for you to follow the link we sent to ${next}`);

  await page.goto(await emailedPath(next, "verify_email"));
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByText(`Your account now uses ${next}, and it is confirmed.`)).toBeVisible();
  expect(await emailsTo(user.email, "email_changed")).toBe(1);
  await page.goto("/account");
  await expect(page.getByTestId("email-status")).toContainText(`${next} — confirmed on`);

  await signOut(page);
  await signIn(page, user.email, user.password);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");
  await signIn(page, next, user.password);
  await expect(page.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();
});
