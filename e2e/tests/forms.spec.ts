import { adminPage, signUp, uniqueEmail } from "./helpers";
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

// An admin types the connect rate card one tier per line, in words: a line that does not read as a
// tier is named beside the field, and the confirm step says the new card in the same words.
test("Settings: the rate card and the fees are typed in words, a wrong line is named beside its field, and the review repeats the card", async ({ browser }) => {
  const page = await adminPage(browser);
  await page.goto("/admin/settings");
  const row = page.getByTestId("setting-connectRateCard");
  await row.getByRole("button", { name: "Edit Connect rate card" }).click();
  const card = row.getByLabel("New value for Connect rate card");
  await expect(card).toHaveValue("up to $50.00: 2 connects, 1 if at most 1 day\nup to $600.00: 4 connects, 3 if at most 6 days\nand above: 6 connects, 5 if at most 29 days");
  await card.fill("up to $50.00: 2 connects, 1 if at most 1 day\nsix connects for the rest");
  await row.getByLabel("Reason (required)").fill("Cheaper small jobs");
  await row.getByRole("button", { name: "Review change" }).click();
  await expect(card).toHaveAttribute("aria-invalid", "true");
  await expect(row.getByText(/^Line 2: write each tier like "up to \$600\.00: 4 connects, 3 if at most 6 days"/)).toBeVisible();
  await card.fill("up to $50.00: 1 connect, 1 if at most 1 day\nup to $600.00: 4 connects, 3 if at most 6 days\nand above: 6 connects, 5 if at most 29 days");
  await row.getByRole("button", { name: "Review change" }).click();
  await expect(row.getByText("Impact preview")).toBeVisible();
  await expect(row.getByRole("status").filter({ hasText: "Connect rate card changes from" })).toContainText(
    "to up to $50.00: 1 connect, 1 if at most 1 day; up to $600.00: 4 connects, 3 if at most 6 days; and above: 6 connects, 5 if at most 29 days now.",
  );
  // Nothing was saved: the row still shows the card in force.
  await row.getByRole("button", { name: "Back to editing" }).click();
  await expect(row.getByTestId("setting-value")).toHaveText("up to $50.00: 2 (1 if ≤ 1 d) · up to $600.00: 4 (3 if ≤ 6 d) · and above: 6 (5 if ≤ 29 d)");

  // The service fee and the payout fees are typed in words too.
  const fee = page.getByTestId("setting-feeSchedule");
  await fee.getByRole("button", { name: "Edit Freelancer service fee" }).click();
  await expect(fee.getByLabel("New value for Freelancer service fee")).toHaveValue(
    "tiered, by all a freelancer has billed one client\nup to $500.00: 20%\nup to $10,000.00: 10%\nand above: 5%",
  );
  const payouts = page.getByTestId("setting-payoutMethodFeesMinor");
  await payouts.getByRole("button", { name: "Edit Payout method fees" }).click();
  await payouts.getByLabel("New value for Payout method fees").fill("ach: $0.00\npaypal: $2.00");
  await payouts.getByLabel("Reason (required)").fill("Simpler fees");
  await payouts.getByRole("button", { name: "Review change" }).click();
  await expect(payouts.getByText("Add a line for local bank, instant, wire.")).toBeVisible();
});
