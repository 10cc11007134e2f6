import { expect, test } from "./test";
import { fillProposal, newPerson, postFixedJob } from "./jobs-helpers";

test("a freelancer without enough connects is refused with the numbers, buys a bundle by card, then proposes", async ({ browser }) => {
  test.setTimeout(180_000);
  const client = await newPerson(browser, "Cleo Client", "client");
  const jobId = await postFixedJob(client.page, { title: "Landing page for a bakery chain", budget: "1000", days: "60", expectedConnects: 6 });

  const { page } = await newPerson(browser, "Finn Freelancer", "freelancer");
  await page.goto(`/jobs/${jobId}`);
  await expect(page.getByTestId("connects-required")).toHaveText("6 connects");
  await expect(page.getByTestId("connect-balance")).toHaveText("20 connects");

  // $900: 20% of the first $500 and 10% of the next $400 = $140 fee, $760 net.
  await fillProposal(page, { bid: "900", boost: 20 });
  await expect(page.getByTestId("fee-preview")).toContainText("$760.00");
  await expect(page.getByTestId("proposal-confirm")).toHaveText("This will spend 26 connects (cost 6 + boost 20); you have 20, which is not enough.");
  await page.getByRole("button", { name: "Submit and spend 26 connects" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "This needs 26 connects and you have 20." });
  await expect(refusal).toBeVisible();
  await expect(refusal.getByRole("link", { name: "Buy connects" })).toHaveAttribute("href", "/connects");

  await page.goto("/connects");
  await expect(page.getByText("You have no verified card yet").first()).toBeVisible();
  await page.getByRole("link", { name: "Add a card" }).first().click();
  await expect(page).toHaveURL(/\/billing\/methods/);
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry (MM/YY)").fill("12/30");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: "Add card" }).click();
  await expect(page.getByText(/4242 added and verified/)).toBeVisible();

  await page.goto("/connects");
  await expect(page.getByTestId("connects-balance")).toHaveText("20");
  await page.getByRole("button", { name: "Buy 10 connects" }).click();
  await expect(page.getByTestId("buy-confirm")).toContainText("You will be charged $1.50 for 10 connects on");
  await expect(page.getByTestId("buy-confirm")).toContainText("•••• 4242");
  await page.getByRole("button", { name: "Pay and add connects" }).click();
  await expect(page.getByText(/10 connects added for \$1\.50/)).toBeVisible();
  await expect(page.getByTestId("connects-balance")).toHaveText("30");
  await expect(page.getByTestId("connects-history").getByRole("row").nth(1)).toContainText("+10");
  await expect(page.getByTestId("connects-history").getByRole("row").nth(1)).toContainText("Bought");

  await page.goto(`/jobs/${jobId}`);
  await expect(page.getByTestId("connect-balance")).toHaveText("30 connects");
  await fillProposal(page, { bid: "900", boost: 20 });
  await expect(page.getByTestId("proposal-confirm")).toHaveText("This will spend 26 connects (cost 6 + boost 20); you have 30; 4 will be left.");
  await page.getByRole("button", { name: "Submit and spend 26 connects" }).click();
  await expect(page.getByTestId("my-proposal-status")).toHaveText("Submitted");
  await expect(page.getByTestId("connect-balance")).toHaveText("4 connects");
});
