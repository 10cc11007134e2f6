import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./test";
import { makeNotification } from "@fairlance/db/testing";
import { ADMIN, signIn } from "./helpers";
import { someEmail, unsubscribePath } from "./mail";

// Pages arrive with their data (CONTRIBUTING.md, "A page"): the HTML the server sends already
// holds what the page is about, with no placeholder waiting for a fetch after hydration. Checked
// with JavaScript off, so nothing but the server's HTML is seen.

const DEMO_PASSWORD = "fairlance-demo";

/** A context without JavaScript, carrying the session of `email` (signed in with JavaScript on). */
async function htmlOnly(browser: Browser, email?: string, password = DEMO_PASSWORD): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  if (!email) return context;
  const signing = await browser.newPage();
  await signIn(signing, email, password);
  await signing.getByRole("heading", { name: /Welcome/ }).waitFor();
  await context.addCookies(await signing.context().cookies());
  await signing.context().close();
  return context;
}

/** The page at `path` as the server rendered it: its heading, its data, no placeholder. */
async function expectRendered(page: Page, path: string, heading: RegExp | string, data?: RegExp | string) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answered`).toBe(200);
  const main = page.locator("main");
  await expect(main.getByRole("heading", { level: 1, name: heading }), `${path}: its heading`).toBeVisible();
  if (data) await expect(main.getByText(data).first(), `${path}: its data`).toBeVisible();
  await expect(main.locator(".animate-pulse"), `${path}: no placeholder where data should be`).toHaveCount(0);
  await expect(main.locator('[aria-busy="true"]'), `${path}: nothing still loading`).toHaveCount(0);
  await expect(main.getByRole("alert"), `${path}: no error`).toHaveCount(0);
}

/** The first link on `path` that leads to a page under `prefix` followed by an id. */
async function firstLink(page: Page, path: string, prefix: string): Promise<string> {
  await page.goto(path);
  const href = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute("href");
  expect(href, `a link to ${prefix}… on ${path}`).toBeTruthy();
  return href!;
}

test("public pages arrive with their text and the fees in force", async ({ browser }) => {
  const page = await (await htmlOnly(browser)).newPage();
  // The promises state the service fee from the settings in force, read on the server.
  await expectRendered(page, "/", /shows its numbers/, /service fee is tiered per client: 20%/);
  await expectRendered(page, "/sign-in", "Sign in to Fairlance");
  await expectRendered(page, "/sign-up", "Create your Fairlance account");
  // Accounts (issue 16): the emailed links' pages.
  await expectRendered(page, "/forgot-password", "Forgot your password?", "Email me a link");
  await expectRendered(page, `/reset-password?token=${"A".repeat(43)}`, "Choose a new password", "Save the new password");
  await expectRendered(page, `/verify-email?token=${"A".repeat(43)}`, "Confirm your email", "Confirm my email");
});

test("a freelancer's pages arrive with their data", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await (await htmlOnly(browser, "fran@fairlance.test")).newPage();
  await expectRendered(page, "/dashboard", "Welcome, Fran Okafor");
  await expectRendered(page, "/jobs", "Find work", /connects? to apply/i);
  const job = await firstLink(page, "/jobs", "/jobs/");
  await expectRendered(page, job, /.+/, "Your balance");
  await expectRendered(page, "/proposals", "My proposals");
  await expectRendered(page, "/contracts", "Contracts");
  const contract = await firstLink(page, "/contracts", "/contracts/");
  await expectRendered(page, contract, /.+/, "Messages");
  await expectRendered(page, "/earnings", "Earnings", "Transaction history");
  await expectRendered(page, "/connects", "Connects");
  await expectRendered(page, "/payouts", /Withdraw|Payouts/, "Available");
  await expectRendered(page, "/billing/methods", /Payment methods|methods/i);
  await expectRendered(page, "/account", "Your account");
  // Reports (issue 19 §2): the list, or its empty state, on the first paint.
  await expectRendered(page, "/reports", "Your reports", /No reports yet|Received, waiting for an admin|Decided/);
});

test("a client's pages arrive with their data", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await (await htmlOnly(browser, "carol@acme.test")).newPage();
  await expectRendered(page, "/dashboard", "Welcome, Carol Chen");
  await expectRendered(page, "/client/jobs", /jobs/i);
  const job = await firstLink(page, "/client/jobs", "/client/jobs/");
  await expectRendered(page, job, /.+/);
  await expectRendered(page, "/jobs/new", "Post a job");
  await expectRendered(page, "/client/offers/new", /offer/i);
  await expectRendered(page, "/billing", /Billing/);
  await expectRendered(page, "/contracts", "Contracts");
  const contract = await firstLink(page, "/contracts", "/contracts/");
  await expectRendered(page, contract, /.+/, "Messages");
});

test("an admin's pages arrive with their data", async ({ browser, ledger }) => {
  test.setTimeout(120_000);
  const page = await (await htmlOnly(browser, ADMIN.email, ADMIN.password)).newPage();
  await expectRendered(page, "/dashboard", "Welcome, Ada Admin");
  await expectRendered(page, "/admin/settings", "Marketplace settings");
  // The list is newest first (the specs before this one sign people up): Fran opened by her link.
  const fran = await ledger.user.findUniqueOrThrow({ where: { email: "fran@fairlance.test" }, select: { id: true } });
  await expectRendered(page, `/admin/people?user=${fran.id}`, /People/, "fran@fairlance.test");
  await expectRendered(page, "/admin/ledger", "Ledger");
  await expectRendered(page, "/admin/moderation", "Moderation");
  await expectRendered(page, "/admin/audit", "Audit log");
  await expectRendered(page, "/admin/disputes", "Disputes");
  await expectRendered(page, "/admin/jobs-runs", /runs|Scheduled/i);
});

// Feedback and reputation (issue 15): the panel of an ended contract, the dashboard's list, the
// summaries where a client decides, the client's stars on a job, and the admin's feedback list.
test("feedback and reputation arrive with their data", async ({ browser, ledger }) => {
  test.setTimeout(120_000);
  const contract = await ledger.contract.findFirstOrThrow({ where: { title: "CSV export for reports", freelancer: { email: "gus@fairlance.test" } }, select: { id: true } });
  const gus = await (await htmlOnly(browser, "gus@fairlance.test")).newPage();
  await expectRendered(gus, `/contracts/${contract.id}`, "CSV export for reports", "Solid work and good communication");
  await expectRendered(gus, "/dashboard", "Welcome, Gus Lindqvist", "Feedback to leave");

  const csv = await ledger.job.findFirstOrThrow({ where: { title: "Fix a flaky CSV import", client: { email: "carol@acme.test" } }, select: { id: true } });
  const gusOnCsv = await ledger.proposal.findFirstOrThrow({ where: { jobId: csv.id, freelancer: { email: "gus@fairlance.test" } }, select: { id: true } });
  const carol = await (await htmlOnly(browser, "carol@acme.test")).newPage();
  await expectRendered(carol, `/client/jobs/${csv.id}`, /.+/, /out of 5 from 3 reviews/);
  await expectRendered(carol, `/client/jobs/${csv.id}/hire/${gusOnCsv.id}`, "Hire Gus Lindqvist", /out of 5 from 3 reviews/);

  const fran = await (await htmlOnly(browser, "fran@fairlance.test")).newPage();
  await expectRendered(fran, `/jobs/${csv.id}`, /.+/, "Rating from freelancers");

  const admin = await (await htmlOnly(browser, ADMIN.email, ADMIN.password)).newPage();
  await expectRendered(admin, "/admin/moderation", "Moderation", "Found three race conditions");
});

test("profile pages arrive with their data", async ({ browser, ledger }) => {
  test.setTimeout(120_000);
  const id = async (email: string) => (await ledger.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  const [fran, carol] = [await id("fran@fairlance.test"), await id("carol@acme.test")];
  // A freelancer's profile is public: a visitor gets it whole, reviews and Job Success Score included.
  const visitor = await (await htmlOnly(browser)).newPage();
  await expectRendered(visitor, `/freelancers/${fran}`, "Fran Okafor", "Front-end developer: Next.js, React and Tailwind");
  await expect(visitor.getByRole("heading", { name: "Launch site for a drone maker" })).toBeVisible();
  const freelancer = await (await htmlOnly(browser, "fran@fairlance.test")).newPage();
  await expectRendered(freelancer, "/profile", "Your profile", /Your profile is \d+% complete/);
  await expect(freelancer.getByLabel("Title")).toHaveValue("Front-end developer: Next.js, React and Tailwind");
  await expectRendered(freelancer, `/clients/${carol}`, "Acme Robotics", "Total spent");
  const client = await (await htmlOnly(browser, "carol@acme.test")).newPage();
  await expectRendered(client, "/profile", "Your profile", "See your public profile");
  await expect(client.getByLabel("Company name")).toHaveValue("Acme Robotics");
  await expectRendered(client, `/freelancers/${fran}`, "Fran Okafor", "Reviews");
  await expect(client.getByRole("button", { name: "Invite to a job" })).toBeVisible();
});

test("talent search, invitations and saved items arrive with their data", async ({ browser }) => {
  test.setTimeout(120_000);
  const client = await (await htmlOnly(browser, "carol@acme.test")).newPage();
  // The first page of freelancers, with their figures and stars in words; the saved one.
  await expectRendered(client, "/talent", "Find talent", /\d+ freelancers? found/);
  await expect(client.locator("main").getByText(/Job Success|No Job Success Score yet/).first()).toBeVisible();
  await expectRendered(client, "/talent/saved", "Find talent", "Gus Lindqvist");
  const freelancer = await (await htmlOnly(browser, "fran@fairlance.test")).newPage();
  await expectRendered(freelancer, "/invitations", "Invitations", "Translate product pages to Spanish");
  await expectRendered(freelancer, "/saved", "Saved jobs", "PostgreSQL performance review");
});

// Notifications (issue 16): the list with its figures, and the header's bell with its count.
test("notifications and the bell arrive with their data", async ({ browser, ledger }) => {
  const fran = await ledger.user.findUniqueOrThrow({ where: { email: "fran@fairlance.test" }, select: { id: true } });
  await makeNotification(ledger, fran.id, { title: "First-paint check", body: "A notification with its figures: $206.00 charged.", link: "/contracts" });
  const unread = await ledger.notification.count({ where: { userId: fran.id, readAt: null } });
  const page = await (await htmlOnly(browser, "fran@fairlance.test")).newPage();
  await expectRendered(page, "/notifications", "Notifications", "A notification with its figures: $206.00 charged.");
  await expect(page.locator("main").getByText(`${unread} unread notification`)).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: `${unread} unread notification${unread === 1 ? "" : "s"}` })).toBeVisible();
});

// Email (issue 16): the demo mailbox and one of its emails, an email's unsubscribe page, and the
// notification choices on the Account page, each in the server's HTML.
test("the demo mailbox, an unsubscribe page and the notification choices arrive with their data", async ({ browser, ledger }) => {
  test.setTimeout(120_000);
  const email = await someEmail(ledger);
  const visitor = await (await htmlOnly(browser)).newPage();
  await expectRendered(visitor, "/mailbox", "Demo mailbox", email.subject);
  await expectRendered(visitor, `/mailbox/${email.id}`, email.subject, "As plain text");
  await expectRendered(visitor, await unsubscribePath(ledger, "fran@fairlance.test", "payments"), "Unsubscribe", "Payments and withdrawals");
  const fran = await (await htmlOnly(browser, "fran@fairlance.test")).newPage();
  await expectRendered(fran, "/account", "Your account", "Payments and withdrawals");
  await expect(fran.getByLabel("Email: Payments and withdrawals")).toHaveValue(/IMMEDIATE|DAILY_DIGEST|OFF/);
});

test("the inbox and a conversation arrive with their data", async ({ browser, ledger }) => {
  test.setTimeout(120_000);
  const contract = await ledger.contract.findFirstOrThrow({ where: { client: { email: "carol@acme.test" }, freelancer: { email: "fran@fairlance.test" } }, select: { id: true } });
  const freelancer = await (await htmlOnly(browser, "fran@fairlance.test")).newPage();
  await expectRendered(freelancer, "/messages", "Messages", "Carol Chen");
  await expectRendered(freelancer, `/messages/contract/${contract.id}`, "Carol Chen", "please keep the hero animation light on phones");
  const client = await (await htmlOnly(browser, "carol@acme.test")).newPage();
  await expectRendered(client, "/messages", "Messages", "if the landing page needs a second pair of hands");
});
