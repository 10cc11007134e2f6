import { expect, type Browser, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "./helpers";

/** A new person signed up in a browser context of their own. */
export async function newPerson(browser: Browser, name: string, role: "client" | "freelancer") {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = { name, email: uniqueEmail(name.split(" ")[0]!.toLowerCase()), password: "correct horse battery", role };
  await signUp(page, user);
  return { page, user };
}

/** The client posts a published fixed-price job through /jobs/new; returns its id. */
export async function postFixedJob(page: Page, job: { title: string; budget: string; days: string; expectedConnects: number }) {
  await page.goto("/jobs/new");
  await page.getByLabel("Title").fill(job.title);
  await page.getByLabel("Description").fill(`${job.title}: a clear description of the work, the deliverables and the timeline.`);
  await page.getByLabel("Budget ($)").fill(job.budget);
  await page.getByLabel("Estimated duration (days)").fill(job.days);
  await page.getByLabel("Skills (separated by commas)").fill("react, css");
  await expect(page.getByTestId("job-cost-preview")).toContainText(`Freelancers will spend ${job.expectedConnects} connects`);
  await page.getByRole("button", { name: "Publish job" }).click();
  await expect(page).toHaveURL(/\/client\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("job-status")).toHaveText("Open");
  return page.url().split("/").at(-1)!;
}

/** The freelancer fills the proposal form and opens the confirm step. */
export async function fillProposal(page: Page, proposal: { bid: string; boost: number }) {
  await page.getByLabel("Cover letter").fill("I have shipped many pages like this one; here is how I would approach yours.");
  await page.getByLabel("Your bid ($)").fill(proposal.bid);
  await page.getByLabel("Boost (extra connects, optional)").fill(String(proposal.boost));
  await page.getByRole("button", { name: "Review proposal" }).click();
}

/** Adds the sandbox test card on /billing/methods; it is verified at once. */
export async function addCard(page: Page) {
  await page.goto("/billing/methods");
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry (MM/YY)").fill("12/30");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: "Add card" }).click();
  await expect(page.getByText("Visa …4242 added and verified.")).toBeVisible();
  await expect(page.getByTestId("verified-badge")).toHaveText(/Payment verified/);
}
