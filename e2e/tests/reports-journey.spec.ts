import { expect, test } from "./test";
import { adminPage } from "./helpers";
import { newPerson, postFixedJob } from "./jobs-helpers";

// Reports (economy.md §5.2): a freelancer reports a scam job from its page; an admin sees it in
// Moderation, says why and removes the job; the reporter is told, and "Your reports" shows it.
test("a freelancer reports a scam job, an admin removes it, and the reporter sees the outcome", async ({ browser }) => {
  test.setTimeout(180_000);
  const title = `Easy data entry, pay a small starter fee ${Date.now().toString(36)}`;
  const client = await newPerson(browser, "Sly Poster", "client");
  const jobId = await postFixedJob(client.page, { title, budget: "1000", days: "60", expectedConnects: 6 });

  // The freelancer reports it from the job page: a reason from the list and a note, its count shown.
  const reporter = await newPerson(browser, "Rhea Reporter", "freelancer");
  const page = reporter.page;
  await page.goto(`/jobs/${jobId}`);
  await page.getByRole("button", { name: "Report" }).click();
  const form = page.getByRole("form", { name: "Report this job" });
  // Every problem next to its field: no reason chosen.
  await form.getByRole("button", { name: "Send report" }).click();
  await expect(form.getByText("Choose a reason from the list.")).toBeVisible();
  await form.getByLabel("Reason").selectOption({ label: "Scam or fraud" });
  const note = "The client asks for a $30 starter fee by gift card before any work.";
  await form.getByLabel("Note (optional)").fill(note);
  await expect(form.getByText(`${note.length} / 1,000`)).toBeVisible();
  await form.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByText("Reported — we'll tell you what we decide.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Reported" })).toBeDisabled();
  // It still says so after a reload: from the server's first answer, not a click remembered in the page.
  await page.reload();
  await expect(page.getByRole("button", { name: "Reported" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Report", exact: true })).toHaveCount(0);

  // The client's public profile has "Report" too (reasons for a profile; a profile is never removed, only its owner warned or suspended).
  await client.page.goto("/profile");
  const clientHref = await client.page.locator('main a[href^="/clients/"]').first().getAttribute("href");
  await page.goto(clientHref!);
  await page.getByRole("button", { name: "Report" }).click();
  const profileForm = page.getByRole("form", { name: "Report this profile" });
  await profileForm.getByLabel("Reason").selectOption({ label: "Fake profile or misleading" });
  await profileForm.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByRole("button", { name: "Reported" })).toBeDisabled();

  // "Your reports" shows it as received.
  await page.goto("/reports");
  const mine = page.getByTestId("my-report").filter({ hasText: title });
  await expect(mine).toContainText("Received, waiting for an admin");
  await expect(mine).toContainText("Scam or fraud");

  // The admin finds it in Moderation with the reason and the note, and removes the job, told first what that does.
  const admin = await adminPage(browser);
  await admin.goto("/admin/moderation");
  const item = admin.getByTestId("reported-object").filter({ hasText: title });
  await expect(item).toContainText("Priority 3");
  await expect(item).toContainText("Scam or fraud — Rhea Reporter");
  await expect(item).toContainText(note);
  await item.getByRole("button", { name: "Remove job" }).click();
  await item.getByLabel("Why? (the reporters see this; the owner too when something is done)").fill("Asking for fees up front is a scam");
  await item.getByRole("button", { name: "Review" }).click();
  await expect(item.getByText("This will:")).toBeVisible();
  await expect(item).toContainText("every connect spent on them is refunded");
  await item.getByRole("button", { name: "Confirm: remove job" }).click();
  await expect(admin.getByText("Removed. Every reporter and the owner were told.")).toBeVisible();
  await expect(admin.getByTestId("reported-object").filter({ hasText: title })).toHaveCount(0);
  const profileItem = admin.getByTestId("reported-object").filter({ hasText: "Fake profile or misleading — Rhea Reporter" });
  await expect(profileItem.getByRole("button", { name: "Warn Sly Poster" })).toBeVisible();
  await expect(profileItem.getByRole("button", { name: /^Remove/ })).toHaveCount(0);

  // The reporter is told (the notification) and "Your reports" shows the outcome.
  await page.goto("/notifications");
  await expect(page.getByText(`You reported the job “${title}”. We removed it: Asking for fees up front is a scam. Thank you for telling us.`)).toBeVisible();
  await page.goto("/reports");
  await expect(mine).toContainText("Decided");
  await expect(mine.getByTestId("report-outcome")).toContainText("We removed it — Asking for fees up front is a scam");

  // The client is told their job was removed, and why.
  await client.page.goto("/notifications");
  await expect(client.page.getByText(`An admin removed your job “${title}” for breaking the rules: Asking for fees up front is a scam.`)).toBeVisible();
});
