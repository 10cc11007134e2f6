import { type Page } from "@playwright/test";
import { expect, test } from "./test";
import { fillProposal, newPerson, postFixedJob } from "./jobs-helpers";

const REASON = "Refunded: the client closed the job without hiring";

async function propose(page: Page, jobId: string, boost: number, left: number) {
  await page.goto(`/jobs/${jobId}`);
  await expect(page.getByTestId("connect-balance")).toHaveText("20 connects");
  await fillProposal(page, { bid: "800", boost });
  await page.getByRole("button", { name: `Submit and spend ${6 + boost} connects` }).click();
  await expect(page.getByTestId("my-proposal-status")).toHaveText("Submitted");
  await expect(page.getByTestId("connect-balance")).toHaveText(`${left} connects`);
  await page.goto("/connects");
  await expect(page.getByTestId("connects-balance")).toHaveText(String(left));
}

async function expectRefund(page: Page, jobTitle: string, spent: number) {
  await page.goto("/connects");
  await expect(page.getByTestId("connects-balance")).toHaveText("20");
  const refund = page.getByTestId("connects-history").getByRole("row").filter({ hasText: REASON });
  await expect(refund).toContainText(`+${spent}`);
  await expect(refund).toContainText(jobTitle);
  await page.goto("/proposals");
  const proposal = page.getByTestId("my-proposal").filter({ hasText: jobTitle });
  await expect(proposal).toContainText("Closed");
  await expect(proposal).toContainText(`Connects refunded${spent}`);
  await expect(proposal).toContainText(REASON);
}

test("a client closes a job without hiring and both applicants get their connects back, with the reason", async ({ browser }) => {
  test.setTimeout(180_000);
  const title = "Accessibility audit of a booking site";
  const client = await newPerson(browser, "Cora Client", "client");
  const jobId = await postFixedJob(client.page, { title, budget: "1000", days: "60", expectedConnects: 6 });

  const first = await newPerson(browser, "Ada Applicant", "freelancer");
  await propose(first.page, jobId, 0, 14);
  const second = await newPerson(browser, "Bo Booster", "freelancer");
  await propose(second.page, jobId, 2, 12);

  await client.page.goto(`/client/jobs/${jobId}`);
  await expect(client.page.getByRole("heading", { name: "Proposals (2)" })).toBeVisible();
  await client.page.getByRole("button", { name: "Close job without hiring…" }).click();
  const dialog = client.page.getByRole("alertdialog", { name: "Close this job without hiring?" });
  await expect(dialog).toContainText("the 2 applicants still in play each get all the connects they spent on it back");
  await dialog.getByRole("button", { name: "Close job and refund connects" }).click();
  await expect(client.page.getByTestId("job-status")).toHaveText("Closed without hire");

  await expectRefund(first.page, title, 6);
  await expectRefund(second.page, title, 8);
});
