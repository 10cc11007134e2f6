import { type Browser, type Page } from "@playwright/test";
import { adminPage } from "./helpers";
import { addCard, newPerson } from "./jobs-helpers";
import { screenshot, SCREENSHOTS } from "./screenshots";
import { expect, test } from "./test";

/** The page at desktop and phone widths, for people to look at (e2e/.screenshots, git-ignored, like every-page.spec.ts). */
async function shoot(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  for (const [device, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(viewport);
    await screenshot(page, `${device}-${name}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A client's direct offer of one milestone to a new freelancer, accepted and funded; returns both pages and the contract's path. */
async function fundedContract(browser: Browser, names: { client: string; freelancer: string }, milestone: { title: string; amount: string; charged: string }) {
  const freelancer = await newPerson(browser, names.freelancer, "freelancer");
  const client = await newPerson(browser, names.client, "client");
  await addCard(client.page);
  await client.page.goto("/client/offers/new");
  await client.page.getByLabel("Find a freelancer by name").fill(names.freelancer);
  await client.page.getByRole("button", { name: "Search" }).click();
  await client.page.getByRole("listitem").filter({ hasText: names.freelancer }).first().getByRole("button", { name: "Choose" }).click();
  await client.page.getByLabel("Contract title").fill(`${milestone.title} work`);
  await client.page.getByLabel("Milestone 1 title").fill(milestone.title);
  await client.page.getByLabel("Milestone 1 amount (USD)").fill(milestone.amount);
  await client.page.getByRole("button", { name: "Send offer" }).click();
  await expect(client.page).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/);
  const contractPath = new URL(client.page.url()).pathname;

  await freelancer.page.goto(contractPath);
  await freelancer.page.getByRole("button", { name: "Accept offer" }).click();
  await expect(freelancer.page.getByTestId("contract-status")).toHaveText("Active");

  await client.page.reload();
  await client.page.getByRole("button", { name: "Fund milestone" }).click();
  await client.page.getByRole("group", { name: `Fund "${milestone.title}"` }).getByRole("button", { name: `Pay ${milestone.charged}` }).click();
  await expect(client.page.getByTestId("milestone-status")).toHaveText("Funded (in escrow)");
  return { client: client.page, freelancer: freelancer.page, contractPath };
}

test("a fixed-price dispute: the client disputes submitted work, both sides state their case, an admin decides a split to the cent", async ({ browser }) => {
  test.setTimeout(180_000);
  const { client, freelancer, contractPath } = await fundedContract(browser, { client: "Dora Disputes", freelancer: "Felix Fixed" }, { title: "Website redesign", amount: "1000", charged: "$1,030.00" });

  await freelancer.goto(contractPath);
  await freelancer.getByLabel("Note to the client (optional)").fill("All pages are done.");
  await freelancer.getByRole("button", { name: "Submit work" }).click();
  await expect(freelancer.getByTestId("milestone-status")).toHaveText("Submitted, in review");

  // Once work is submitted the client cannot take the escrow back alone: approve, changes, or a dispute.
  await client.reload();
  await expect(client.getByRole("button", { name: "Ask for the escrow back" })).toHaveCount(0);
  await expect(client.getByRole("button", { name: /Request changes \(3 of 3 left\)/ })).toBeVisible();
  await client.getByRole("button", { name: "Open a dispute" }).click();
  const form = client.getByRole("form", { name: "Open a dispute" });
  await expect(form).toContainText("The $1,000.00 in escrow is frozen while the dispute is open");
  await form.getByRole("button", { name: "Open the dispute" }).click();
  await expect(form.getByText("Say in a line what the dispute is about.")).toBeVisible();
  await form.getByLabel("What is the dispute about? (one line)").fill("Only half the pages were delivered");
  await form.getByLabel("Your statement").fill("The contact and pricing pages are missing.");
  await form.getByLabel("Links (optional, one per line, up to 5)").fill("https://example.com/brief");
  await form.getByRole("button", { name: "Open the dispute" }).click();
  await expect(client).toHaveURL(/\/disputes\/[0-9a-f-]{36}$/);
  const disputePath = new URL(client.url()).pathname;
  await expect(client.getByTestId("dispute-status")).toHaveText("Open: the escrow is frozen");

  // The freelancer finds it from the contract, and answers.
  await freelancer.reload();
  await expect(freelancer.getByTestId("milestone-status")).toHaveText("In dispute (escrow frozen)");
  await freelancer.getByRole("link", { name: /A dispute is open on this milestone/ }).click();
  await expect(freelancer).toHaveURL(new RegExp(`${disputePath}$`));
  await freelancer.getByLabel("Your statement").fill("Six of ten pages were agreed for this milestone, and all six are live.");
  await freelancer.getByRole("button", { name: "Add the statement" }).click();
  await expect(freelancer.getByText("Your statement was added.")).toBeVisible();
  await expect(freelancer.getByText("Six of ten pages were agreed for this milestone")).toBeVisible();
  await shoot(freelancer, "dispute-open-freelancer");

  // The admin decides from the mediation queue: $600 to the freelancer, previewed before committing.
  const admin = await adminPage(browser);
  await admin.goto("/admin/disputes");
  await expect(admin.getByRole("link", { name: "Website redesign work" })).toBeVisible();
  await shoot(admin, "admin-disputes");
  await admin.getByRole("link", { name: "Website redesign work" }).click();
  await expect(admin).toHaveURL(new RegExp(`${disputePath}$`));
  await expect(admin.getByText("The contact and pricing pages are missing.")).toBeVisible();
  await admin.getByLabel("The freelancer's part").fill("600");
  const decide = admin.getByTestId("decision-preview");
  await expect(decide).toContainText("The freelancer receives$490.00");
  await expect(decide).toContainText("Back to the client's card$412.00");
  await admin.getByLabel("Reason (both sides see it)").fill("Six pages were delivered as agreed; the other four were not.");
  await admin.getByRole("button", { name: "Decide…" }).click();
  await admin.getByRole("button", { name: "Decide and move the money" }).click();
  await expect(admin.getByTestId("dispute-status")).toHaveText("Decided by Fairlance");
  await expect(admin.getByTestId("dispute-outcome")).toHaveText("Split");
  await shoot(admin, "dispute-decided-admin");

  // Both sides see the decision and its reason; the milestone is split.
  await client.reload();
  await expect(client.getByText("Six pages were delivered as agreed; the other four were not.")).toBeVisible();
  await expect(client.getByRole("region", { name: "How it ended" }).or(client.locator("section").filter({ hasText: "How it ended" })).first()).toContainText("Back to the client's card$412.00");
  await freelancer.goto(contractPath);
  await expect(freelancer.getByTestId("milestone-status")).toHaveText("Split by a dispute's decision");
});

test("a refund request before any work: the freelancer does not answer, and after 7 days the escrow goes back by itself", async ({ browser }) => {
  // Seven days of the economy are queued and run one after the other: on a shared machine that takes a while.
  test.setTimeout(300_000);
  const { client, freelancer, contractPath } = await fundedContract(browser, { client: "Rita Refund", freelancer: "Sam Silent" }, { title: "Logo", amount: "200", charged: "$206.00" });

  await client.getByRole("button", { name: "Ask for the escrow back" }).click();
  const ask = client.getByRole("group", { name: 'Ask for the escrow of "Logo" back' });
  await expect(ask).toContainText("Back to your card if accepted$206.00");
  await ask.getByLabel("Why?").fill("We chose an in-house designer.");
  await ask.getByRole("button", { name: "Send the refund request" }).click();
  await expect(client.getByTestId("milestone-status")).toHaveText("Refund requested, waiting for the freelancer");
  await shoot(client, "contract-refund-requested-client");

  await freelancer.goto(contractPath);
  await expect(freelancer.getByRole("status").filter({ hasText: "The client asked for this escrow back" })).toContainText("We chose an in-house designer.");
  await expect(freelancer.getByRole("button", { name: "Accept: give the escrow back" })).toBeVisible();

  // Nobody answers; a week later (the demo clock) the runner gives the escrow back.
  await client.getByRole("button", { name: "Move the clock forward +7 days" }).click();
  await expect(async () => {
    await client.reload();
    await expect(client.getByTestId("milestone-status")).toHaveText("Refunded to the client", { timeout: 1_000 });
  }).toPass({ timeout: 180_000 });
});
