import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { signIn } from "./helpers";
import { addCard, fillProposal, newPerson, postFixedJob } from "./jobs-helpers";

// Issue 15's journey: a client finds a freelancer through talent search, invites them to a job,
// the freelancer accepts by proposing for 0 connects, the work is hired, funded, delivered,
// approved and the contract ended; both sides leave feedback, it is revealed, and the freelancer's
// card shows the new review and the score. The freelancer is the demo's Gus (three contracts with
// Dev already, so a Job Success Score), found by the word in his title. The score shown is the
// runner's on the card (a tick later) and computed when read on the profile (economy.md §10.8).
//

const GUS = { email: "gus@fairlance.test", password: "fairlance-demo", name: "Gus Lindqvist" };

/** Gus's card in talent search for "PostgreSQL", and the number of reviews it counts. */
async function gusCard(page: Page) {
  await page.goto("/talent");
  await page.getByRole("search", { name: "Search freelancers" }).getByLabel("Search").fill("PostgreSQL");
  await page.getByRole("search", { name: "Search freelancers" }).getByRole("button", { name: "Search" }).click();
  const card = page.getByRole("article", { name: GUS.name });
  await expect(card).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const text = (await card.textContent()) ?? "";
  const reviews = Number(/out of 5 from (\d+) reviews?/.exec(text)?.[1] ?? "0");
  return { card, reviews };
}

/** Leaves feedback in the contract page's panel: every facet's stars, and the public comment. */
async function leaveFeedback(page: Page, contractUrl: string, stars: Record<string, number>, comment: string) {
  // A page already on the contract only scrolls for a new #hash: reload it to read the contract as it is now.
  await page.goto(`${contractUrl}#feedback`);
  await page.reload();
  const form = page.locator("#feedback").getByRole("form", { name: "Leave feedback" });
  for (const [legend, value] of Object.entries(stars)) {
    await form.getByRole("group", { name: legend, exact: true }).getByLabel(value === 1 ? "1 star" : `${value} stars`, { exact: true }).check();
  }
  await form.getByLabel("Public comment").fill(comment);
  await form.getByRole("button", { name: "Submit feedback" }).click();
}

test("a client finds talent, invites, hires and pays; both leave feedback; the freelancer's card shows the review and the score", async ({ browser }) => {
  test.setTimeout(300_000);
  const title = "Query tuning for a reporting database";
  const client = await newPerson(browser, "Rita Journey", "client");
  const c = client.page;
  await addCard(c);
  const jobId = await postFixedJob(c, { title, budget: "1000", days: "60", expectedConnects: 6 });

  // Talent search: Gus's card, his stars in words and his score; his name opens his profile.
  const before = await gusCard(c);
  expect(before.reviews).toBeGreaterThan(0);
  await expect(before.card).toContainText("% Job Success");
  await before.card.getByRole("link", { name: GUS.name }).click();
  await expect(c).toHaveURL(/\/freelancers\/[0-9a-f-]{36}$/);
  const profileUrl = new URL(c.url()).pathname;
  await expect(c.getByRole("heading", { level: 1, name: GUS.name })).toBeVisible();
  await expect(c.locator("#job-success-heading")).toHaveText(/^\d+% Job Success$/);
  await expect(c.locator("main")).toContainText(`from ${before.reviews} review`);
  await c.goBack();
  const back = await gusCard(c);

  // Invite him from his card to the new job; the form says what happens.
  await back.card.getByRole("button", { name: /^Invite to a job/ }).click();
  const invite = c.getByRole("form", { name: `Invite ${GUS.name} to a job` });
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByText("Choose one of your open jobs.")).toBeVisible();
  await invite.getByLabel("Job").selectOption({ label: title });
  await invite.getByLabel("Invitation message").fill("Hi Gus, our reports take minutes to load: would you look at the slow queries?");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByText(`Invitation sent to ${GUS.name} for “${title}”.`)).toBeVisible();
  // Inviting again to the same job is refused beside the job.
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByText("You have already invited this freelancer to this job.")).toBeVisible();

  // Gus sees the invitation and accepts it by proposing, for 0 connects.
  const gus = await (await browser.newContext()).newPage();
  await signIn(gus, GUS.email, GUS.password);
  await expect(gus.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await gus.goto("/invitations");
  const invitation = gus.getByRole("article", { name: title });
  await expect(invitation).toContainText("Rita Journey");
  await expect(invitation).toContainText("Waiting for your answer");
  await invitation.getByRole("link", { name: "Accept: send a proposal (0 connects)" }).click();
  await expect(gus).toHaveURL(new RegExp(`/jobs/${jobId}#send-proposal$`));
  await expect(gus.getByText("You were invited to this job: your proposal costs 0 connects.")).toBeVisible();
  await expect(gus.getByTestId("connects-required")).toHaveText("0 connects");
  await fillProposal(gus, { bid: "1000", boost: 0 });
  await gus.getByRole("button", { name: "Submit and spend 0 connects" }).click();
  await expect(gus.getByRole("heading", { name: "Your proposal" })).toBeVisible();
  await gus.goto("/invitations");
  await expect(gus.getByRole("article", { name: title })).toContainText("Accepted");

  // Rita hires him, funds the milestone; he delivers; she approves and ends the contract.
  await c.goto(`/client/jobs/${jobId}`);
  await c.getByRole("button", { name: "Open proposal" }).click();
  await c.getByRole("link", { name: "Hire" }).click();
  await expect(c.getByRole("heading", { name: `Hire ${GUS.name}` })).toBeVisible();
  await c.getByRole("button", { name: "Send offer" }).click();
  await expect(c).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/);
  const contractUrl = new URL(c.url()).pathname;
  await gus.goto(contractUrl);
  await gus.getByRole("button", { name: "Accept offer" }).click();
  await expect(gus.getByTestId("contract-status")).toHaveText("Active");
  await c.reload();
  await c.getByRole("button", { name: "Fund milestone" }).click();
  await c.getByRole("button", { name: "Pay $1,030.00" }).click();
  await expect(c.getByText(`Funded "${title}": $1,030.00 was charged to your card.`)).toBeVisible();
  await gus.reload();
  await gus.getByRole("button", { name: "Submit work" }).click();
  await expect(gus.getByTestId("milestone-status")).toHaveText("Submitted, in review");
  await c.reload();
  await c.getByRole("button", { name: "Approve and pay" }).click();
  await c.getByRole("button", { name: "Approve and release $1,000.00" }).click();
  await expect(c.getByText(`Approved "${title}": $1,000.00 is released to the freelancer.`)).toBeVisible();
  await c.getByRole("button", { name: "End contract…" }).click();
  await c.getByLabel("Why does it end?").fill("The queries are fast now.");
  await c.getByRole("button", { name: "End contract", exact: true }).click();
  await expect(c.getByTestId("contract-status")).toHaveText("Ended");

  // Both leave feedback in the contract page's panel (double-blind): the second one reveals both.
  await leaveFeedback(
    c,
    contractUrl,
    { Overall: 5, Skills: 5, "Quality of work": 5, Communication: 5, "Meeting deadlines": 5, Cooperation: 5 },
    "Found the two slow queries in an hour and fixed them with the right indexes.",
  );
  await expect(c.locator("#feedback").getByText("Your feedback is saved. It stays blind until you have both left yours.")).toBeVisible();
  await leaveFeedback(gus, contractUrl, { Overall: 5, "Clear requirements": 5, "Prompt payment": 5, Communication: 5 }, "Clear brief and quick payment.");
  await expect(gus.locator("#feedback").getByText("Your feedback is saved, and both are now revealed.")).toBeVisible();

  // The profile shows the new review and the score at once; the card follows a runner tick later.
  await c.goto(profileUrl);
  await expect(c.locator("#job-success-heading")).toHaveText(/^\d+% Job Success$/);
  await expect(c.locator("main")).toContainText(`from ${before.reviews + 1} reviews`);
  await expect(c.locator("main")).toContainText("Found the two slow queries in an hour");
  await expect(async () => {
    const after = await gusCard(c);
    expect(after.reviews).toBe(before.reviews + 1);
    await expect(after.card).toContainText(/\d+% Job Success/, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
});
