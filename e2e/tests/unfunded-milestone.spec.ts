import { expect, test } from "./test";
import { addCard, newPerson } from "./jobs-helpers";

test("a freelancer cannot submit work on an unfunded milestone and sees why; once the client funds it, they can", async ({ browser }) => {
  test.setTimeout(120_000);
  const freelancer = await newPerson(browser, "Uma Unfunded", "freelancer");
  const client = await newPerson(browser, "Carl Cautious", "client");
  await addCard(client.page);

  // A direct offer with one $200 milestone, to the freelancer found by name (never by email).
  await client.page.goto("/client/offers/new");
  await client.page.getByLabel("Find a freelancer by name").fill("Uma Unfunded");
  await client.page.getByRole("button", { name: "Search" }).click();
  await client.page.getByRole("listitem").filter({ hasText: "Uma Unfunded" }).first().getByRole("button", { name: "Choose" }).click();
  await expect(client.page.getByTestId("offer-target")).toHaveText("Uma Unfunded");
  await client.page.getByLabel("Contract title").fill("Brand illustrations");
  await client.page.getByLabel("Milestone 1 title").fill("First three illustrations");
  await client.page.getByLabel("Milestone 1 amount (USD)").fill("200");
  await expect(client.page.getByText("When funded: $200.00 + client fee $6.00 = $206.00")).toBeVisible();
  await client.page.getByRole("button", { name: "Send offer" }).click();
  await expect(client.page).toHaveURL(/\/contracts\/[0-9a-f-]{36}$/);
  const contractUrl = new URL(client.page.url()).pathname;

  // The freelancer accepts; the milestone is not funded yet.
  const page = freelancer.page;
  await page.goto("/contracts");
  await expect(page.getByText(/Accept or decline the offer by /)).toBeVisible();
  await page.getByRole("link", { name: "Brand illustrations" }).click();
  await page.getByRole("button", { name: "Accept offer" }).click();
  await expect(page.getByTestId("contract-status")).toHaveText("Active");
  const gate = page.getByRole("region", { name: /Work-start check/ });
  await expect(gate.getByRole("heading")).toHaveText("Work-start check: do not start work yet");
  await expect(page.getByTestId("gate-contract_active")).toContainText("Met: Contract is active.");
  await expect(page.getByTestId("gate-client_payment_verified")).toContainText("Met: Client's payment method is verified.");
  await expect(page.getByTestId("gate-milestone_funded")).toContainText("Not met: Current milestone is funded. The current milestone is not funded: do not start work until it is.");
  await expect(gate.getByText("Do not start work until all three checks are met.")).toBeVisible();
  await expect(page.getByTestId("milestone-status")).toHaveText("Not funded");
  await expect(page.getByText("You cannot submit work yet: The current milestone is not funded: do not start work until it is.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit work" })).toBeDisabled();

  // The client sees the charge before paying it, then funds.
  await client.page.goto(contractUrl);
  await client.page.getByRole("button", { name: "Fund milestone" }).click();
  const confirm = client.page.getByRole("group", { name: 'Fund "First three illustrations"' });
  await expect(confirm).toContainText("Milestone, held in escrow$200.00");
  await expect(confirm).toContainText("Client marketplace fee (3%)$6.00");
  await expect(confirm).toContainText("Total charged to your card$206.00");
  await confirm.getByRole("button", { name: "Pay $206.00" }).click();
  await expect(client.page.getByText('Funded "First three illustrations": $206.00 was charged to your card.')).toBeVisible();
  await expect(client.page.getByTestId("milestone-status")).toHaveText("Funded (in escrow)");

  // Now the gate is open and the freelancer submits, after seeing the fee preview ($200 at 20%).
  await page.reload();
  await expect(page.getByRole("region", { name: /Work-start check/ }).getByRole("heading")).toHaveText("Work-start check: work can start");
  await expect(page.getByTestId("gate-milestone_funded")).toContainText("Met: Current milestone is funded.");
  await expect(page.getByTestId("fee-plan-preview-net")).toHaveText("$160.00");
  await page.getByLabel("Note to the client (optional)").fill("Here are the first three.");
  await page.getByRole("button", { name: "Submit work" }).click();
  await expect(page.getByText(/Submitted "First three illustrations"\. If the client does nothing, it is approved automatically on/)).toBeVisible();
  await expect(page.getByTestId("milestone-status")).toHaveText("Submitted, in review");
});
