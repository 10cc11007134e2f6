import { signUp, uniqueEmail } from "./helpers";
import { expect, test } from "./test";

// Forms show every problem at once, beside its field, and clear a field's error as it is fixed
// (CONTRIBUTING.md, "A form"). One journey, on Post a job; the rules themselves are unit-tested
// (apps/web/features/shared/form.test.ts).
test("Post a job: an empty submit names every required field at once; fixing one clears only its error", async ({ page }) => {
  await signUp(page, { name: "Fern Forms", email: uniqueEmail("fern"), password: "a good long password", role: "client" });
  await page.goto("/jobs/new");
  await page.getByRole("button", { name: "Publish job" }).click();

  const problems = {
    Title: "Give the job a title of at least 5 characters.",
    Description: "Describe the job in at least 20 characters.",
    "Budget ($)": "Enter the budget.",
    "Estimated duration (days)": "Give the duration in whole days.",
    "Skills (separated by commas)": "List at least one skill.",
  };
  for (const [label, sentence] of Object.entries(problems)) {
    const field = page.getByLabel(label, { exact: true });
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(new RegExp(sentence.replace(/[.()$]/g, "\\$&")));
  }
  // The first wrong field has the focus; nothing was sent.
  await expect(page.getByLabel("Title", { exact: true })).toBeFocused();
  await expect(page).toHaveURL(/\/jobs\/new$/);

  // Fixing the title clears its error as it is typed, and only its error.
  await page.getByLabel("Title", { exact: true }).fill("A landing page");
  await expect(page.getByText(problems.Title)).toHaveCount(0);
  await expect(page.getByLabel("Title", { exact: true })).not.toHaveAttribute("aria-invalid", "true");
  for (const sentence of Object.values(problems).slice(1)) await expect(page.getByText(sentence)).toBeVisible();
});
