import { expect, test } from "./test";
import { adminPage, signIn } from "./helpers";
import { fillProposal, newPerson, postFixedJob } from "./jobs-helpers";

const REASON = "Fake reviews under investigation";

test("an admin suspends a freelancer with a reason: the freelancer is told why and cannot propose; once lifted, they can", async ({ browser }) => {
  test.setTimeout(180_000);
  const client = await newPerson(browser, "Cleo Client", "client");
  const jobId = await postFixedJob(client.page, { title: "Landing page for a bakery", budget: "1000", days: "60", expectedConnects: 6 });
  const freelancer = await newPerson(browser, "Sid Suspended", "freelancer");

  // The admin finds the freelancer and suspends them, after a confirm step that says what happens.
  const admin = await adminPage(browser);
  await admin.goto("/admin/people");
  await admin.getByLabel("Search by name or email").fill(freelancer.user.email);
  await admin.getByRole("button", { name: "Open Sid Suspended" }).click();
  await admin.getByRole("button", { name: "Suspend", exact: true }).click();
  const suspend = admin.getByRole("form", { name: "Suspend", exact: true });
  await suspend.getByLabel("Reason (required)").fill(REASON);
  await suspend.getByRole("button", { name: "Review" }).click();
  await expect(suspend).toContainText("This will:");
  await suspend.getByRole("button", { name: "Confirm: suspend" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Suspended since" })).toContainText(`: ${REASON}`);

  // The suspension ended the freelancer's sessions. Signed in again, they see why on every page, and
  // a proposal is refused with the same reason, nothing spent.
  await freelancer.page.goto(`/jobs/${jobId}`);
  await expect(freelancer.page.getByRole("heading", { name: "Sign in to Fairlance" })).toBeVisible();
  await signIn(freelancer.page, freelancer.user.email, freelancer.user.password);
  await expect(freelancer.page.getByRole("heading", { name: "Sign in to Fairlance" })).toHaveCount(0);
  await freelancer.page.goto(`/jobs/${jobId}`);
  await expect(freelancer.page.getByRole("status").filter({ hasText: "Your account is suspended" })).toContainText(`Your account is suspended: ${REASON}.`);
  await expect(freelancer.page.getByTestId("connect-balance")).toHaveText("20 connects");
  await fillProposal(freelancer.page, { bid: "900", boost: 0 });
  await freelancer.page.getByRole("button", { name: "Submit and spend 6 connects" }).click();
  await expect(freelancer.page.getByText(`Your account is suspended (${REASON}), so you cannot send proposals.`)).toBeVisible();
  await freelancer.page.goto("/connects");
  await expect(freelancer.page.getByTestId("connects-balance")).toHaveText("20");

  // The admin lifts it with a reason; the freelancer's banner is gone and the proposal goes through.
  await admin.getByRole("button", { name: "Lift suspension" }).click();
  const lift = admin.getByRole("form", { name: "Lift suspension" });
  await lift.getByLabel("Reason (required)").fill("The reviews were checked and are genuine");
  await lift.getByRole("button", { name: "Review" }).click();
  await lift.getByRole("button", { name: "Confirm: lift suspension" }).click();
  await expect(admin.getByRole("button", { name: "Suspend", exact: true })).toBeVisible();

  await freelancer.page.goto(`/jobs/${jobId}`);
  await expect(freelancer.page.getByText("Your account is suspended")).toHaveCount(0);
  await fillProposal(freelancer.page, { bid: "900", boost: 0 });
  await freelancer.page.getByRole("button", { name: "Submit and spend 6 connects" }).click();
  await expect(freelancer.page.getByTestId("my-proposal-status")).toHaveText("Submitted");
  await expect(freelancer.page.getByTestId("connect-balance")).toHaveText("14 connects");
});
