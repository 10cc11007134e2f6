import type { Page } from "@playwright/test";
import { expect, test } from "./test";
import { signIn } from "./helpers";
import { addCard, fillProposal, newPerson, postFixedJob } from "./jobs-helpers";

// Issue 15's journey: a client finds a freelancer through talent search, invites them to a job,
// the freelancer accepts by proposing for 0 connects, the work is hired, funded, delivered,
// approved and the contract ended; both sides leave feedback, it is revealed, and the freelancer's
// card shows the new review and the score. The freelancer is the demo's Gus (three contracts with
// Dev already, so a Job Success Score), found by the word in his title.
//
// Not yet through pages on this branch (see the report of pages-talent): opening the public
// profile /freelancers/[id] (pages-profiles) — the journey checks the card's link to it — and
// leaving feedback on the contract page (pages-feedback) — the journey leaves it through the same
// procedure the page will call, feedback.leave.

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

/** Leaves feedback through feedback.leave, as the contract page's feedback panel will (tRPC's typed JSON). */
async function leaveFeedback(page: Page, body: Record<string, unknown>) {
  const response = await page.request.post("/api/trpc/feedback.leave", { data: { json: { idempotencyKey: `journey-${Date.now()}-${Math.random().toString(36).slice(2)}`, ...body } } });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: { json: { revealedAt: string | null } } } }).result.data.json;
}

test("a client finds talent, invites, hires and pays; both leave feedback; the freelancer's card shows the review and the score", async ({ browser }) => {
  test.setTimeout(300_000);
  const title = "Query tuning for a reporting database";
  const client = await newPerson(browser, "Rita Journey", "client");
  const c = client.page;
  await addCard(c);
  const jobId = await postFixedJob(c, { title, budget: "1000", days: "60", expectedConnects: 6 });

  // Talent search: Gus's card, his stars in words and his score; his name links to his profile.
  const before = await gusCard(c);
  expect(before.reviews).toBeGreaterThan(0);
  await expect(before.card).toContainText("% Job Success");
  await expect(before.card.getByRole("link", { name: GUS.name })).toHaveAttribute("href", /^\/freelancers\/[0-9a-f-]{36}$/);

  // Invite him from his card to the new job; the form says what happens.
  await before.card.getByRole("button", { name: /^Invite to a job/ }).click();
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
  const contractId = contractUrl.split("/").at(-1)!;
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

  // Both leave feedback (double-blind): the second one reveals both.
  const first = await leaveFeedback(c, {
    contractId,
    overall: 5,
    facets: { skills: 5, quality: 5, communication: 5, deadlines: 5, cooperation: 5 },
    comment: "Found the two slow queries in an hour and fixed them with the right indexes.",
  });
  expect(first.revealedAt).toBeNull();
  const second = await leaveFeedback(gus, { contractId, overall: 5, facets: { clarity: 5, payment: 5, communication: 5 }, comment: "Clear brief and quick payment." });
  expect(second.revealedAt).not.toBeNull();

  // His card counts the new review; the runner keeps his score (a tick later).
  await expect(async () => {
    const after = await gusCard(c);
    expect(after.reviews).toBe(before.reviews + 1);
    await expect(after.card).toContainText(/\d+% Job Success/, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
});
