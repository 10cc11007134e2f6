import type { Browser, Page } from "@playwright/test";
import type { PrismaClient } from "@fairlance/db";
import { makeNotification } from "@fairlance/db/testing";
import { expectAccessible } from "./accessibility";
import { ADMIN, signIn } from "./helpers";
import { someEmail, unsubscribePath } from "./mail";
import { screenshot } from "./screenshots";
import { expect, test } from "./test";

// Every page of the app (apps/web/app/**/page.tsx), each as the role that may see it, on the demo
// data every e2e database is seeded with (packages/db/src/seed/demo.ts). At 1280 and 390 pixels
// wide: the axe-core check (accessibility.ts), at 390 that the page does not scroll sideways as a
// whole (wide tables scroll inside their own box), and a full-page screenshot for people to look
// at, e2e/.screenshots/<desktop|phone>-<name>.png (screenshots.ts: not in CI unless asked). One test
// per page; one browser page per role, signed in once and reused.

const WIDTHS = [
  ["desktop", { width: 1280, height: 900 }],
  ["phone", { width: 390, height: 844 }],
] as const;
const FRAN = { email: "fran@fairlance.test", password: "fairlance-demo" };
const CAROL = { email: "carol@acme.test", password: "fairlance-demo" };

/** Waits until the page shows its content: its heading, and its data in (no skeleton, nothing busy). */
async function settled(page: Page) {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expect(page.locator(".animate-pulse")).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
}

/**
 * At each width: the axe check; on the phone, that nothing makes the whole page scroll sideways;
 * then a full-page screenshot `<device>-<name>.png` of the page as it is now.
 */
async function checkAndShoot(page: Page, name: string) {
  for (const [device, viewport] of WIDTHS) {
    await page.setViewportSize(viewport);
    const where = `${new URL(page.url()).pathname} at ${viewport.width} px (${name})`;
    await expectAccessible(page, where);
    if (device === "phone") {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect.soft(overflow, `${where} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
    }
    await screenshot(page, `${device}-${name}`);
  }
  await page.setViewportSize(WIDTHS[0][1]);
}

/** A browser context of its own (AxeBuilder needs one), at desktop width, signed in and on the dashboard; or signed out. */
async function browserPage(browser: Browser, login?: { email: string; password: string }) {
  const context = await browser.newContext({ viewport: WIDTHS[0][1] });
  const page = await context.newPage();
  if (login) {
    await signIn(page, login.email, login.password);
    await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  }
  return page;
}

/** The ids behind the dynamic routes, from the demo data. */
async function demoIds(db: PrismaClient) {
  const carolsJob = (title: string) => db.job.findFirstOrThrow({ where: { title, client: { email: CAROL.email } }, select: { id: true } });
  const landing = await carolsJob("Landing page for a robotics startup");
  const csv = await carolsJob("Fix a flaky CSV import");
  const gusOnCsv = await db.proposal.findFirstOrThrow({ where: { jobId: csv.id, freelancer: { email: "gus@fairlance.test" } }, select: { id: true } });
  const contract = await db.contract.findFirstOrThrow({ where: { jobId: landing.id, freelancer: { email: FRAN.email } }, select: { id: true } });
  return { landingJob: landing.id, csvJob: csv.id, gusOnCsv: gusOnCsv.id, contract: contract.id };
}
type DemoIds = Awaited<ReturnType<typeof demoIds>>;

/** The dispute on the demo contract, if one was opened. */
async function existingDispute(db: PrismaClient, contractId: string): Promise<string | undefined> {
  return (await db.dispute.findFirst({ where: { contractId }, select: { id: true } }))?.id;
}

/** Fran opens a dispute on the demo contract's funded milestone, the form's errors checked on the way; returns its id. */
async function openDemoDispute(fran: Page, contractId: string): Promise<string> {
  await fran.goto(`/contracts/${contractId}`);
  await settled(fran);
  await fran.getByRole("button", { name: "Open a dispute" }).click();
  const form = fran.getByRole("form", { name: "Open a dispute" });
  await form.getByRole("button", { name: "Open the dispute" }).click();
  await expect(form.getByText("Say in a line what the dispute is about.")).toBeVisible();
  await checkAndShoot(fran, "freelancer-open-dispute-errors");
  await form.getByLabel("What is the dispute about? (one line)").fill("The launch date moved twice");
  await form.getByLabel("Your statement").fill("The copy for the launch page never arrived, so the build cannot be finished.");
  await form.getByRole("button", { name: "Open the dispute" }).click();
  await expect(fran).toHaveURL(/\/disputes\/[0-9a-f-]{36}$/);
  return fran.url().split("/").at(-1)!;
}

/** The demo contract's dispute; Fran opens it, in a browser page of her own, if nobody has yet (a page's test run alone). */
async function demoDispute(browser: Browser, db: PrismaClient, contractId: string): Promise<string> {
  const existing = await existingDispute(db, contractId);
  if (existing) return existing;
  const fran = await browserPage(browser, FRAN);
  const id = await openDemoDispute(fran, contractId);
  await fran.context().close();
  return id;
}

/** A demo person's id, for the profile pages. */
const personId = async (db: PrismaClient, email: string) => (await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

interface Visit {
  /** The route as apps/web/app spells it, for the test's title. */
  route: string;
  /** The screenshot's name. */
  name: string;
  /** The real path, for a dynamic route. */
  path?: (on: { ids: DemoIds; page: Page; browser: Browser; db: PrismaClient }) => Promise<string> | string;
  /** A state of the page worth checking and seeing, reached once it has settled. */
  ready?: (page: Page) => Promise<unknown>;
}

/** One test per page: open it as `login` (signed out without), wait for its content (and `ready`), check and shoot it at both widths. */
function everyPage(who: string, login: { email: string; password: string } | undefined, visits: Visit[]) {
  test.describe(`every page ${who}`, () => {
    // Two axe runs (and two full-page screenshots): on a busy machine, more than the default minute.
    test.describe.configure({ timeout: 90_000 });
    let page: Page;
    let ids: DemoIds;
    test.beforeAll(async ({ browser, ledger }) => {
      ids = await demoIds(ledger);
      page = await browserPage(browser, login);
    });
    test.afterAll(async () => {
      await page.context().close();
    });
    for (const visit of visits) {
      test(`${visit.route} at 1280 and 390: accessible, fits a phone`, async ({ browser, ledger }) => {
        await page.goto(visit.path ? await visit.path({ ids, page, browser, db: ledger }) : visit.route);
        await settled(page);
        await visit.ready?.(page);
        await checkAndShoot(page, visit.name);
      });
    }
  });
}

everyPage("signed out", undefined, [
  { route: "/", name: "home" },
  { route: "/sign-in", name: "sign-in" },
  { route: "/sign-up", name: "sign-up" },
  // Accounts (issue 16): the emailed links' pages (a token of the right shape shows the form; it is checked when sent).
  { route: "/forgot-password", name: "forgot-password" },
  { route: "/reset-password", name: "reset-password", path: () => `/reset-password?token=${"A".repeat(43)}` },
  { route: "/verify-email", name: "verify-email", path: () => `/verify-email?token=${"A".repeat(43)}` },
  { route: "/no-such-page (not found)", name: "not-found", path: () => "/no-such-page" },
  { route: "/freelancers/[id]", name: "visitor-freelancer-profile", path: async ({ db }) => `/freelancers/${await personId(db, FRAN.email)}` },
  // Email (issue 16): the demo mailbox, one email in it, and an email's unsubscribe page (which changes nothing until its button).
  { route: "/mailbox", name: "mailbox", path: async ({ db }) => (await someEmail(db), "/mailbox") },
  { route: "/mailbox/[id]", name: "mailbox-email", path: async ({ db }) => `/mailbox/${(await someEmail(db)).id}` },
  { route: "/unsubscribe", name: "unsubscribe", path: ({ db }) => unsubscribePath(db, FRAN.email, "payments") },
]);

everyPage("as a freelancer", FRAN, [
  { route: "/dashboard", name: "freelancer-dashboard" },
  { route: "/jobs", name: "freelancer-find-work" },
  { route: "/jobs/[id]", name: "freelancer-job", path: ({ ids }) => `/jobs/${ids.csvJob}` },
  { route: "/proposals", name: "freelancer-proposals" },
  { route: "/contracts", name: "freelancer-contracts" },
  { route: "/contracts/[id]", name: "freelancer-contract", path: ({ ids }) => `/contracts/${ids.contract}` },
  { route: "/connects", name: "freelancer-connects", ready: (p) => p.getByRole("img", { name: /Connects spent/ }).waitFor() },
  { route: "/earnings", name: "freelancer-earnings", ready: (p) => p.getByRole("img", { name: /Net earned per week/ }).waitFor() },
  { route: "/payouts", name: "freelancer-payouts" },
  { route: "/billing/methods", name: "freelancer-billing-methods" },
  { route: "/account", name: "freelancer-account" },
  // Reports (issue 19 §2): what the person reported and what was decided.
  { route: "/reports", name: "freelancer-reports" },
  { route: "/profile", name: "freelancer-profile-edit" },
  { route: "/freelancers/[id]", name: "freelancer-own-profile", path: async ({ db }) => `/freelancers/${await personId(db, FRAN.email)}` },
  { route: "/clients/[id]", name: "freelancer-client-profile", path: async ({ db }) => `/clients/${await personId(db, CAROL.email)}` },
  // Talent (issue 15): the invitation Dev sent, with its decline step open; the saved job.
  { route: "/invitations", name: "freelancer-invitations", ready: (p) => p.getByRole("button", { name: /^Decline/ }).first().click() },
  { route: "/saved", name: "freelancer-saved" },
  // The inbox (issue 16): the list, and the contract's conversation on its own screen.
  { route: "/messages", name: "freelancer-messages" },
  { route: "/messages/[kind]/[id]", name: "freelancer-conversation", path: ({ ids }) => `/messages/contract/${ids.contract}` },
  // Notifications (issue 16): the list, with one read and one unread notification at least.
  {
    route: "/notifications",
    name: "freelancer-notifications",
    path: async ({ db }) => {
      const fran = await personId(db, FRAN.email);
      await makeNotification(db, fran, { title: "Milestone funded: Landing page", body: "Carol Chen funded “Landing page” with $1,200.00; it is held in escrow until you submit the work.", link: "/contracts", readAt: new Date() });
      await makeNotification(db, fran, { title: "$850.00 is available", body: "$850.00 from “Checkout page redesign” cleared its security period and can be withdrawn.", link: "/earnings" });
      return "/notifications";
    },
  },
  {
    route: "/disputes/[id]",
    name: "freelancer-dispute",
    path: async ({ ids, page, db }) => `/disputes/${(await existingDispute(db, ids.contract)) ?? (await openDemoDispute(page, ids.contract))}`,
  },
]);

everyPage("as a client", CAROL, [
  { route: "/dashboard", name: "client-dashboard" },
  { route: "/client/jobs", name: "client-jobs" },
  { route: "/client/jobs/[id]", name: "client-job", path: ({ ids }) => `/client/jobs/${ids.landingJob}` },
  { route: "/client/jobs/[id]/hire/[proposalId]", name: "client-hire", path: ({ ids }) => `/client/jobs/${ids.csvJob}/hire/${ids.gusOnCsv}` },
  { route: "/jobs/new", name: "client-post-job" },
  { route: "/client/offers/new", name: "client-offer" },
  { route: "/contracts", name: "client-contracts" },
  { route: "/contracts/[id]", name: "client-contract", path: ({ ids }) => `/contracts/${ids.contract}` },
  { route: "/billing", name: "client-billing" },
  { route: "/billing/methods", name: "client-billing-methods" },
  { route: "/account", name: "client-account" },
  { route: "/reports", name: "client-reports" },
  { route: "/profile", name: "client-profile-edit" },
  {
    route: "/freelancers/[id]",
    name: "client-freelancer-profile",
    path: async ({ db }) => `/freelancers/${await personId(db, "gus@fairlance.test")}`,
    ready: (p) => p.getByRole("button", { name: "Invite to a job" }).click(),
  },
  { route: "/clients/[id]", name: "client-own-profile", path: async ({ db }) => `/clients/${await personId(db, CAROL.email)}` },
  // Talent (issue 15): the search with a card's invite form open, and the saved freelancers.
  {
    route: "/talent",
    name: "client-talent",
    ready: async (p) => {
      await p.getByRole("button", { name: /^Invite to a job/ }).first().click();
      await p.getByLabel("Invitation message").first().waitFor();
    },
  },
  { route: "/talent/saved", name: "client-talent-saved" },
  // The inbox (issue 16): the list (Gus's follow-up unread), and the contract's conversation.
  { route: "/messages", name: "client-messages" },
  { route: "/messages/[kind]/[id]", name: "client-conversation", path: ({ ids }) => `/messages/contract/${ids.contract}` },
  { route: "/notifications", name: "client-notifications" },
  { route: "/client/jobs/[id] (open: the invite panel's cards)", name: "client-job-invite", path: ({ ids }) => `/client/jobs/${ids.csvJob}` },
  { route: "/disputes/[id]", name: "client-dispute", path: async ({ ids, browser, db }) => `/disputes/${await demoDispute(browser, db, ids.contract)}` },
]);

// Feedback (issue 15): an ended contract whose two feedbacks are revealed, with a reply, as each of
// its two people (the seeded Dev → Gus contracts).
const GUS = { email: "gus@fairlance.test", password: "fairlance-demo" };
const DEV = { email: "dev@northwind.test", password: "fairlance-demo" };
const endedWithFeedback = async (db: PrismaClient) =>
  `/contracts/${(await db.contract.findFirstOrThrow({ where: { title: "CSV export for reports", freelancer: { email: GUS.email } }, select: { id: true } })).id}`;
everyPage("as a freelancer with feedback", GUS, [
  { route: "/contracts/[id] (ended, feedback revealed)", name: "freelancer-contract-feedback", path: ({ db }) => endedWithFeedback(db) },
]);
everyPage("as a client with feedback", DEV, [
  { route: "/contracts/[id] (ended, feedback revealed)", name: "client-contract-feedback", path: ({ db }) => endedWithFeedback(db) },
]);

everyPage("as an admin", ADMIN, [
  { route: "/dashboard", name: "admin-dashboard" },
  {
    // /admin is the settings page; here with a change under review and its impact.
    route: "/admin (settings)",
    name: "admin-settings",
    path: () => "/admin",
    ready: async (p) => {
      await expect(p).toHaveURL(/\/admin\/settings$/);
      const row = p.getByTestId("setting-connectRateCard");
      await row.getByRole("button", { name: "Edit Connect rate card" }).click();
      await row.getByLabel("Reason (required)").fill("Preview only");
      await row.getByRole("button", { name: "Review change" }).click();
      await row.getByText("Impact preview").waitFor();
    },
  },
  {
    route: "/admin/people",
    name: "admin-people",
    // Fran's row opened by its link: the list is newest first, and other specs' sign-ups push her off its first page.
    path: async ({ db }) => `/admin/people?user=${await personId(db, FRAN.email)}`,
    ready: async (p) => {
      await p.getByTestId("user-detail").waitFor();
    },
  },
  { route: "/admin/moderation", name: "admin-moderation" },
  { route: "/admin/disputes", name: "admin-disputes" },
  {
    route: "/admin/ledger",
    name: "admin-ledger",
    ready: async (p) => {
      await p.getByRole("img", { name: /Platform revenue by week/ }).waitFor();
      // The reconciliation report as an admin sees it after running it.
      await p.getByRole("button", { name: "Run reconciliation now" }).click();
      await p.getByTestId("reconciliation-report").getByText(/Everything matches|to look into/).waitFor();
    },
  },
  { route: "/admin/audit", name: "admin-audit" },
  { route: "/admin/jobs-runs", name: "admin-jobs-runs" },
  { route: "/account", name: "admin-account" },
  { route: "/notifications", name: "admin-notifications" },
  { route: "/disputes/[id]", name: "admin-dispute", path: async ({ ids, browser, db }) => `/disputes/${await demoDispute(browser, db, ids.contract)}` },
  // The inbox (issue 16): an admin's conversations are the disputes they mediate.
  { route: "/messages", name: "admin-messages" },
  { route: "/messages/[kind]/[id]", name: "admin-conversation", path: async ({ ids, browser, db }) => `/messages/dispute/${await demoDispute(browser, db, ids.contract)}` },
]);
