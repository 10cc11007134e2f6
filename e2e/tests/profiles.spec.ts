import { makeTestImage } from "@fairlance/db/testing";
import { expectAccessible } from "./accessibility";
import { newPerson, postFixedJob } from "./jobs-helpers";
import { expect, test } from "./test";

// A new freelancer fills in their profile at /profile (economy.md §10.1): a field's error shows
// beside it and clears once fixed, the completeness meter goes up, a photo is refused with its
// sentence beside the file field and then accepted, and the public profile shows it all.

test("a freelancer fills in their profile and photo; the public profile shows them", async ({ browser }) => {
  test.setTimeout(120_000);
  const { page, user } = await newPerson(browser, "Pia Profile", "freelancer");
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  const meter = page.getByRole("progressbar", { name: "Profile completeness" });
  const before = Number(await meter.getAttribute("aria-valuenow"));
  await expect(page.getByRole("heading", { name: `Your profile is ${before}% complete` })).toBeVisible();
  // Each missing item is a sentence that jumps to its field.
  await expect(page.getByRole("link", { name: "Add a profile photo." })).toHaveAttribute("href", "#profile-photo");

  // A title too short: its sentence beside the field; fixed, it clears as it is typed.
  const form = page.getByRole("form", { name: "Your profile" });
  await form.getByLabel("Title").fill("Dev");
  await form.getByLabel("Overview").fill("I design and build accessible web apps with React and TypeScript, from the first sketch to the last test, for small teams that ship.");
  await expect(form.getByText(/\d+ \/ 5,000/)).toBeVisible();
  await form.getByLabel("Skills").fill("React, TypeScript, Accessibility");
  await form.getByLabel("Hourly rate (USD)").fill("72.50");
  await form.getByLabel("Location").fill("Porto, Portugal");
  await form.getByLabel("Time zone").selectOption("Europe/Lisbon");
  await form.getByRole("button", { name: "Add a language" }).click();
  await form.getByLabel("Language 1", { exact: true }).fill("Portuguese");
  await form.getByLabel("Level of language 1").selectOption("NATIVE");
  await form.getByRole("button", { name: "Save profile" }).click();
  const title = form.getByLabel("Title");
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#profile-title-error")).toHaveText(/at least 5 characters/);
  await expectAccessible(page, "/profile with a field's error");
  await title.fill("Front-end developer for accessible web apps");
  await expect(page.locator("#profile-title-error")).toHaveCount(0);
  await form.getByRole("button", { name: "Save profile" }).click();
  await expect(form.getByText("Profile saved.")).toBeVisible();
  await expect.poll(async () => Number(await meter.getAttribute("aria-valuenow"))).toBeGreaterThan(before);
  const afterProfile = Number(await meter.getAttribute("aria-valuenow"));

  // A text file named .png: refused by its content, the sentence beside the file field.
  const photo = page.getByLabel("Profile photo", { exact: true });
  await photo.setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from("this is not an image at all") });
  await page.getByRole("button", { name: "Upload photo" }).click();
  await expect(page.locator("#profile-photo-error")).toHaveText(/not a JPEG, PNG or WebP image/);
  await expect(photo).toHaveAttribute("aria-invalid", "true");

  // A real PNG: stored, previewed, and the completeness goes up again.
  await photo.setInputFiles({ name: "me.png", mimeType: "image/png", buffer: Buffer.from(await makeTestImage({ format: "png", width: 320, height: 320 })) });
  await expect(page.locator("#profile-photo-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Upload photo" }).click();
  await expect(page.getByText("Photo saved.")).toBeVisible();
  const preview = page.getByRole("img", { name: "Profile photo of Pia Profile" });
  await expect(preview).toHaveAttribute("src", /^\/files\/images\/[0-9a-f-]+\.webp$/);
  await expect.poll(async () => Number(await meter.getAttribute("aria-valuenow"))).toBe(afterProfile + 10);
  await expect(page.getByRole("link", { name: "Add a profile photo." })).toHaveCount(0);

  // The public profile shows the change.
  await page.getByRole("link", { name: "See your public profile" }).click();
  await expect(page).toHaveURL(/\/freelancers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: user.name })).toBeVisible();
  await expect(page).toHaveTitle(/Pia Profile, Front-end developer for accessible web apps/);
  await expect(page.getByText("Front-end developer for accessible web apps").first()).toBeVisible();
  await expect(page.getByText("$72.50 an hour")).toBeVisible();
  await expect(page.getByText(/local time \(UTC[+-]\d\d:\d\d\)/)).toBeVisible();
  await expect(page.getByRole("img", { name: "Photo of Pia Profile" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Skills" }).getByText("Accessibility")).toBeVisible();
  await expect(page.getByText("Native or bilingual")).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit your profile" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No Job Success Score yet" })).toBeVisible();
  await page.context().close();
});

test("a client invites a freelancer from the profile to one of their open jobs", async ({ browser, ledger }) => {
  const fran = await ledger.user.findUniqueOrThrow({ where: { email: "fran@fairlance.test" }, select: { id: true } });
  const { page } = await newPerson(browser, "Ivo Inviter", "client");
  await page.goto(`/freelancers/${fran.id}`);
  await page.getByRole("button", { name: "Invite to a job" }).click();
  // A new client has no open job yet: the panel says what to do.
  await expect(page.getByText(/You have no open job to invite .+ to\./)).toBeVisible();
  await expect(page.getByRole("link", { name: "Post a job" }).last()).toHaveAttribute("href", "/jobs/new");

  // With an open job, the invitation goes out: the job chosen, the message checked first.
  await postFixedJob(page, { title: "Accessible signup flow", budget: "1000", days: "60", expectedConnects: 6 });
  await page.goto(`/freelancers/${fran.id}`);
  await page.getByRole("button", { name: "Invite to a job" }).click();
  const invite = page.getByRole("form", { name: /^Invite .+ to a job$/ });
  await invite.getByLabel("Invitation message").fill("");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByText("Choose one of your open jobs.")).toBeVisible();
  await expect(invite.getByText("Write a short invitation.")).toBeVisible();
  await invite.getByLabel("Job").selectOption({ label: "Accessible signup flow" });
  await invite.getByLabel("Invitation message").fill("Your portfolio fits this job well; would you apply?");
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(invite.getByText(/Invitation sent to .+ for “Accessible signup flow”/)).toBeVisible();
  await page.context().close();
});

test("a profile that does not exist answers 404 with the not-found page, for a visitor and a signed-in client", async ({ browser, page }) => {
  for (const path of ["/freelancers/00000000-0000-4000-8000-000000000000", "/freelancers/not-an-id"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  }
  const { page: client } = await newPerson(browser, "Nia Nowhere", "client");
  const response = await client.goto("/clients/00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(404);
  await expect(client.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});
