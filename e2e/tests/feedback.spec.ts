import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { addCard, fillProposal, newPerson, postFixedJob } from "./jobs-helpers";

// Feedback when a contract ends (economy.md §10.2–10.5), through the pages: the client leaves
// theirs (an empty form names every problem beside its field; a phone number in the public comment
// is refused beside the comment), the freelancer sees it is blind, leaves theirs, both are revealed,
// the freelancer replies once, and the client's applicant list shows the freelancer's new average.

/** Chooses `stars` on the radio group named `legend` inside the feedback form. */
async function rate(form: ReturnType<Page["getByRole"]>, legend: string, stars: number) {
  await form.getByRole("group", { name: legend, exact: true }).getByLabel(stars === 1 ? "1 star" : `${stars} stars`, { exact: true }).check();
}

test("feedback on an ended contract: blind until both have left theirs, then both shown, with one reply", async ({ browser }) => {
  test.setTimeout(240_000);
  const title = "Feedback journey landing page";
  const client = await newPerson(browser, "Carla Feedback", "client");
  await addCard(client.page);
  const jobId = await postFixedJob(client.page, { title, budget: "1000", days: "30", expectedConnects: 6 });

  const freelancer = await newPerson(browser, "Fern Feedback", "freelancer");
  const fern = freelancer.page;
  await fern.goto(`/jobs/${jobId}`);
  await fillProposal(fern, { bid: "1000", boost: 0 });
  await fern.getByRole("button", { name: "Submit and spend 6 connects" }).click();
  await expect(fern.getByTestId("connect-balance")).toHaveText("14 connects");

  // The applicant as the client decides: name linked to the profile, no reviews yet.
  const carla = client.page;
  await carla.goto(`/client/jobs/${jobId}`);
  const applicant = carla.getByTestId("proposal-review");
  await expect(applicant.getByRole("link", { name: "Fern Feedback" })).toHaveAttribute("href", /^\/freelancers\/[0-9a-f-]{36}$/);
  await expect(applicant.getByTestId("freelancer-summary")).toContainText("No reviews yet");
  await expect(applicant.getByTestId("freelancer-summary")).toContainText("No Job Success Score yet");
  await applicant.getByRole("button", { name: "Open proposal" }).click();
  await carla.getByRole("link", { name: "Hire" }).click();
  await expect(carla.getByRole("heading", { name: "Hire Fern Feedback" })).toBeVisible();
  await expect(carla.getByTestId("freelancer-summary")).toContainText("$0.00 earned");
  await carla.getByRole("button", { name: "Send offer" }).click();
  await expect(carla).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/);
  const contractUrl = new URL(carla.url()).pathname;

  // The contract runs: accepted, funded, submitted, approved (the freelancer is paid), then ended.
  await fern.goto(contractUrl);
  await fern.getByRole("button", { name: "Accept offer" }).click();
  await expect(fern.getByTestId("contract-status")).toHaveText("Active");
  await carla.reload();
  await carla.getByRole("button", { name: "Fund milestone" }).click();
  await carla.getByRole("button", { name: "Pay $1,030.00" }).click();
  await expect(carla.getByText(`Funded "${title}": $1,030.00 was charged to your card.`)).toBeVisible();
  await fern.reload();
  await fern.getByRole("button", { name: "Submit work" }).click();
  await expect(fern.getByTestId("milestone-status")).toHaveText("Submitted, in review");
  await carla.reload();
  await carla.getByRole("button", { name: "Approve and pay" }).click();
  await carla.getByRole("button", { name: "Approve and release $1,000.00" }).click();
  await expect(carla.getByText(`Approved "${title}": $1,000.00 is released to the freelancer.`)).toBeVisible();
  await carla.getByRole("button", { name: "End contract…" }).click();
  await carla.getByLabel("Why does it end?").fill("The work is done.");
  await carla.getByRole("button", { name: "End contract", exact: true }).click();
  await expect(carla.getByTestId("contract-status")).toHaveText("Ended");

  // The client's feedback form: an empty submit names every problem beside its field.
  const panel = carla.locator("#feedback");
  const form = panel.getByRole("form", { name: "Leave feedback" });
  await expect(form.getByRole("heading", { name: "Leave feedback about Fern Feedback" })).toBeVisible();
  await expect(form).toContainText("Fern will see your feedback once you have both left yours, or on");
  await form.getByRole("button", { name: "Submit feedback" }).click();
  await expect(panel.locator("#feedback-overall")).toContainText("Give 1 to 5 whole stars overall.");
  await expect(panel.locator("#feedback-skills")).toContainText("Rate skills with 1 to 5 whole stars.");
  await expect(panel.locator("#feedback-quality")).toContainText("Rate quality of work with 1 to 5 whole stars.");
  await expect(panel.locator("#feedback-communication")).toContainText("Rate communication with 1 to 5 whole stars.");
  await expect(panel.locator("#feedback-deadlines")).toContainText("Rate meeting deadlines with 1 to 5 whole stars.");
  await expect(panel.locator("#feedback-cooperation")).toContainText("Rate cooperation with 1 to 5 whole stars.");
  await expect(panel.locator("#feedback-comment-error")).toHaveText("Write a public comment of at least 10 characters about how the contract went.");
  await expect(panel.getByLabel("Public comment")).toHaveAttribute("aria-invalid", "true");

  // Stars on radio groups with their labels, "4 out of 5" as text; the scam shield refuses a phone number beside the comment.
  await rate(form, "Overall", 5);
  await expect(panel.locator("#feedback-overall")).toContainText("5 out of 5");
  for (const facet of ["Skills", "Quality of work", "Communication", "Cooperation"]) await rate(form, facet, 5);
  await rate(form, "Meeting deadlines", 4);
  await expect(panel.locator("#feedback-deadlines")).toContainText("4 out of 5");
  await form.getByLabel("Public comment").fill("Great work; call me on +1 415 555 0100 for the next one.");
  await expect(form.getByText(/\d+ \/ 2,000/)).toBeVisible();
  await form.getByRole("button", { name: "Submit feedback" }).click();
  await expect(panel.locator("#feedback-comment-error")).toContainText("Feedback is public, so a comment cannot include");
  const comment = "Careful, quick and clear work from the first day to the last.";
  await form.getByLabel("Public comment").fill(comment);
  await form.getByLabel("Private note (optional)").fill("Would hire again for the next launch.");
  await form.getByRole("button", { name: "Submit feedback" }).click();
  await expect(panel.getByText("Your feedback is saved. It stays blind until you have both left yours.")).toBeVisible();
  await expect(panel.getByRole("heading", { name: "Your feedback about Fern Feedback" })).toBeVisible();
  await expect(panel).toContainText("Private note (only Fairlance reads this): Would hire again for the next launch.");
  await expect(panel.getByRole("button", { name: "Edit your feedback" })).toBeVisible();

  // The freelancer: it is blind (nothing of the client's shows), and it waits on the dashboard.
  await fern.goto("/dashboard");
  const toLeave = fern.getByRole("region", { name: "Feedback to leave" });
  await expect(toLeave.getByRole("link", { name: title })).toHaveAttribute("href", `${contractUrl}#feedback`);
  await expect(toLeave).toContainText("Rate Carla Feedback by");
  await fern.goto(contractUrl);
  const fernPanel = fern.locator("#feedback");
  await expect(fernPanel.getByTestId("feedback-status")).toHaveText(/^Your feedback and the client's are shown when you have both left yours, or on .+ when the window closes\.$/);
  await expect(fernPanel.getByText(comment)).toHaveCount(0);

  // The freelancer leaves theirs: both are revealed at once.
  const fernForm = fernPanel.getByRole("form", { name: "Leave feedback" });
  for (const facet of ["Overall", "Clear requirements", "Prompt payment", "Communication"]) await rate(fernForm, facet, 5);
  await fernForm.getByLabel("Public comment").fill("Clear brief, quick answers and prompt payment.");
  await fernForm.getByRole("button", { name: "Submit feedback" }).click();
  await expect(fernPanel.getByText("Your feedback is saved, and both are now revealed.")).toBeVisible();
  await expect(fernPanel.getByTestId("feedback-status")).toHaveText(/^Feedback was revealed on /);
  await expect(fernPanel.getByRole("heading", { name: "Carla Feedback's feedback about you" })).toBeVisible();
  await expect(fernPanel.getByText(comment)).toBeVisible();
  await expect(fernPanel).toContainText("5 out of 5 overall");
  await expect(fernPanel).not.toContainText("Would hire again for the next launch.");
  await expect(fernPanel.getByRole("link", { name: "Carla Feedback" })).toHaveAttribute("href", /^\/clients\/[0-9a-f-]{36}$/);

  // One reply to the feedback about them, then no reply form.
  await fernPanel.getByLabel("Your public reply").fill("Thank you, Carla: it was a pleasure to build.");
  await fernPanel.getByRole("button", { name: "Publish reply" }).click();
  await expect(fernPanel.getByText("Your reply is published.")).toBeVisible();
  await expect(fernPanel.getByText("Reply from Fern Feedback")).toBeVisible();
  await expect(fernPanel.getByLabel("Your public reply")).toHaveCount(0);

  // The client sees both, the reply under theirs; no more editing.
  await carla.reload();
  await expect(panel.getByRole("heading", { name: "Fern Feedback's feedback about you" })).toBeVisible();
  await expect(panel.getByText("Thank you, Carla: it was a pleasure to build.")).toBeVisible();
  await expect(panel.getByRole("button", { name: "Edit your feedback" })).toHaveCount(0);

  // The average where the client decides: the applicant list shows it, as text.
  await carla.goto(`/client/jobs/${jobId}`);
  const summary = carla.getByTestId("proposal-review").getByTestId("freelancer-summary");
  await expect(summary).toContainText("5.0 out of 5 from 1 review");
  await expect(summary).toContainText("$1,000.00 earned");
  // And the freelancer sees the client's stars in the job page's trust panel.
  await fern.goto(`/jobs/${jobId}`);
  await expect(fern.locator("section", { hasText: "About the client" })).toContainText("5.0 out of 5 from 1 review");
});
