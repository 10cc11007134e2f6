import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyTRPCProcedure } from "@trpc/server";
import type { z } from "zod";
import { COVER_LETTER, earn, freshDatabase, key, makeNotification, makeTestImage, TEST_FILES, type TestDatabase, type TestUser } from "@fairlance/db/testing";
import { endContract, hideFeedback, leaveFeedback } from "@fairlance/db/services";
import { LocalFileStore, MAX_IMAGE_BYTES, setFileStoreForTests } from "@fairlance/db/files";
import { JOB } from "./marketplace-fixtures";
import { SETTING_DEFINITIONS } from "@fairlance/rules";
import { unsubscribeToken } from "@fairlance/db/email";
import { appRouter } from "@/server/root";
import { changesNothing, encode, expectRefused, httpApi, inParallel, Raw, Typed, type Reply } from "./bad-input-kit";
import { buildWorld, NOW, type World } from "./bad-input-world";

let db: TestDatabase;
let w: World;
let api: ReturnType<typeof httpApi>;
const cookies = new Map<string, string>();
const clock = { now: NOW };

beforeAll(async () => {
  db = await freshDatabase();
  w = await buildWorld(db.prisma);
  api = httpApi(db.prisma, clock);
}, 120_000);
afterAll(() => db.drop());

const cookie = (who: TestUser) => {
  if (!cookies.has(who.id)) cookies.set(who.id, api.signIn(who));
  return cookies.get(who.id)!;
};
const send = (who: TestUser, path: string, input?: unknown) => api.send(cookie(who), path, input);

// ---------------------------------------------------------------------------------------------
// The procedures that move money or connects (or are idempotent), each with a valid input that
// refers to real objects: every bad case below changes one field of it, so whatever is refused
// is refused for that field, and a bad value that slipped through would really act.

type Variant = "missing" | "null" | "empty" | "blank" | "zero";

interface Entry {
  path: string;
  label?: string;
  as: () => TestUser;
  input: () => Record<string, unknown>;
  /** Field paths ("milestone.amountMinor") where these variants are legitimately accepted. */
  valid?: Record<string, Variant[]>;
}

const ENTRIES: Entry[] = [
  { path: "job.post", as: () => w.people.client, input: () => ({ ...JOB, idempotencyKey: key(), publish: true }) },
  { path: "job.publish", as: () => w.people.client, input: () => ({ jobId: w.jobs.draft, idempotencyKey: key() }) },
  {
    path: "job.edit",
    as: () => w.people.client,
    input: () => ({ jobId: w.jobs.open, idempotencyKey: key(), changes: { budgetMinor: 120_000n, durationDays: 30, title: "A better landing page" } }),
  },
  { path: "job.close", as: () => w.people.client, input: () => ({ jobId: w.jobs.open, idempotencyKey: key() }) },
  { path: "job.invite", as: () => w.people.client, input: () => ({ jobId: w.jobs.openUnproposed, freelancerId: w.people.brokeFreelancer.id, idempotencyKey: key(), message: "Would you apply?" }) },
  {
    path: "proposal.submit",
    as: () => w.people.freelancer,
    input: () => ({ jobId: w.jobs.openUnproposed, idempotencyKey: key(), coverLetter: COVER_LETTER, bidMinor: 90_000n, boostConnects: 2 }),
    valid: { boostConnects: ["zero"] },
  },
  { path: "proposal.withdraw", as: () => w.people.freelancer, input: () => ({ proposalId: w.proposals.mine, idempotencyKey: key() }) },
  { path: "proposal.shortlist", as: () => w.people.client, input: () => ({ proposalId: w.proposals.mine, idempotencyKey: key() }) },
  { path: "proposal.interview", as: () => w.people.client, input: () => ({ proposalId: w.proposals.mine, idempotencyKey: key() }) },
  { path: "proposal.decline", as: () => w.people.client, input: () => ({ proposalId: w.proposals.mine, idempotencyKey: key() }) },
  { path: "connects.buy", as: () => w.people.freelancer, input: () => ({ idempotencyKey: key(), bundleSize: 10, paidWith: "card", paymentMethodId: w.cards.freelancerCard }) },
  { path: "connects.subscribe", as: () => w.people.freelancer, input: () => ({ idempotencyKey: key(), paymentMethodId: w.cards.freelancerCard }) },
  { path: "message.send", as: () => w.people.freelancer, input: () => ({ proposalId: w.proposals.mine, idempotencyKey: key(), body: "When can we start?" }) },
  {
    path: "paymentMethod.add",
    as: () => w.people.client,
    input: () => ({ idempotencyKey: key(), card: { number: "4242 4242 4242 4242", expMonth: 12, expYear: 2035, cvc: "123" } }),
  },
  { path: "paymentMethod.verify", as: () => w.people.client, input: () => ({ idempotencyKey: key(), paymentMethodId: w.cards.unverifiedCard, code: "123456" }) },
  {
    path: "contract.hire",
    as: () => w.people.client,
    input: () => ({ idempotencyKey: key(), proposalId: w.proposals.mine, terms: { type: "FIXED", milestones: [{ title: "All of it", amountMinor: 90_000n }] } }),
  },
  {
    path: "contract.offer",
    label: "fixed price",
    as: () => w.people.client,
    input: () => ({ idempotencyKey: key(), freelancerId: w.people.freelancer.id, title: "Logo", terms: { type: "FIXED", milestones: [{ title: "Logo", amountMinor: 20_000n }] } }),
  },
  {
    path: "contract.offer",
    label: "hourly",
    as: () => w.people.client,
    input: () => ({ idempotencyKey: key(), freelancerId: w.people.freelancer.id, title: "Support", terms: { type: "HOURLY", weeklyLimitHours: 10, hourlyRateMinor: 5_000n } }),
  },
  { path: "contract.accept", as: () => w.people.freelancer, input: () => ({ idempotencyKey: key(), contractId: w.contracts.offered }) },
  { path: "contract.decline", as: () => w.people.freelancer, input: () => ({ idempotencyKey: key(), contractId: w.contracts.offered, reason: "Busy" }), valid: { reason: ["missing", "empty", "blank"] } },
  { path: "contract.end", as: () => w.people.client, input: () => ({ idempotencyKey: key(), contractId: w.contracts.fixed, reason: "Done", releaseEscrow: true }) },
  {
    path: "contract.payBonus",
    as: () => w.people.client,
    input: () => ({ idempotencyKey: key(), contractId: w.contracts.fixed, amountMinor: 5_000n, note: "Thanks" }),
    valid: { note: ["missing", "empty", "blank"] },
  },
  { path: "milestone.add", as: () => w.people.client, input: () => ({ idempotencyKey: key(), contractId: w.contracts.fixed, milestone: { title: "Extra", amountMinor: 20_000n } }) },
  { path: "milestone.fund", as: () => w.people.client, input: () => ({ idempotencyKey: key(), milestoneId: w.milestones.unfunded }) },
  { path: "milestone.submit", as: () => w.people.freelancer, input: () => ({ idempotencyKey: key(), milestoneId: w.milestones.funded, note: "Here it is" }), valid: { note: ["missing", "empty", "blank"] } },
  { path: "milestone.approve", as: () => w.people.client, input: () => ({ idempotencyKey: key(), milestoneId: w.milestones.funded }) },
  { path: "milestone.requestChanges", as: () => w.people.client, input: () => ({ idempotencyKey: key(), milestoneId: w.milestones.funded, message: "More contrast" }) },
  { path: "milestone.refund", as: () => w.people.freelancer, input: () => ({ idempotencyKey: key(), milestoneId: w.milestones.funded }) },
  { path: "milestone.requestRefund", as: () => w.people.client, input: () => ({ idempotencyKey: key(), milestoneId: w.milestones.funded, reason: "Plans changed" }) },
  { path: "milestone.withdrawRefundRequest", as: () => w.people.client, input: () => ({ idempotencyKey: key(), milestoneId: w.milestones.refundRequested }) },
  {
    path: "milestone.dispute",
    as: () => w.people.freelancer,
    input: () => ({ idempotencyKey: key(), milestoneId: w.milestones.funded, reason: "Unpaid", statement: "The work is done.", links: ["https://example.com/work"] }),
    valid: { links: ["missing", "empty"], "links.0": ["missing"] },
  },
  { path: "dispute.addStatement", as: () => w.people.client, input: () => ({ idempotencyKey: key(), disputeId: w.disputes.open, text: "More detail.", links: ["https://example.com/a"] }), valid: { links: ["missing", "empty"], "links.0": ["missing"] } },
  { path: "dispute.propose", as: () => w.people.client, input: () => ({ idempotencyKey: key(), disputeId: w.disputes.open, releaseMinor: 10_000n }), valid: { releaseMinor: ["zero"] } },
  { path: "dispute.acceptProposal", as: () => w.people.client, input: () => ({ idempotencyKey: key(), disputeId: w.disputes.open, releaseMinor: 20_000n }) },
  { path: "dispute.withdraw", as: () => w.people.client, input: () => ({ idempotencyKey: key(), disputeId: w.disputes.open }) },
  {
    path: "admin.disputes.decide",
    as: () => w.people.admin,
    input: () => ({ idempotencyKey: key(), disputeId: w.disputes.open, outcome: "split", releaseMinor: 10_000n, reason: "Half was delivered." }),
  },
  { path: "hourly.logTime", as: () => w.people.freelancer, input: () => ({ idempotencyKey: key(), contractId: w.contracts.hourly, workedOn: NOW, minutes: 30, memo: "Fixes" }) },
  { path: "hourly.dispute", as: () => w.people.client, input: () => ({ idempotencyKey: key(), weekId: w.weeks.mine, reason: "Too many hours" }) },
  { path: "payout.addMethod", as: () => w.people.freelancer, input: () => ({ idempotencyKey: key(), kind: "ACH", account: "000123456789", label: "Bank" }) },
  { path: "payout.withdraw", as: () => w.people.freelancer, input: () => ({ payoutMethodId: w.payoutMethods.mine, amountMinor: 10_000n, idempotencyKey: key() }) },
  { path: "payout.setAuto", as: () => w.people.freelancer, input: () => ({ schedule: "WEEKLY", thresholdMinor: 20_000n, payoutMethodId: w.payoutMethods.mine }) },
  {
    path: "admin.settings.change",
    as: () => w.people.admin,
    input: () => ({ idempotencyKey: key(), key: "connectPriceMinor", value: 20n, effectiveFrom: null, reason: "Costs went up" }),
    valid: { value: ["zero"] },
  },
  { path: "admin.people.grantConnects", as: () => w.people.admin, input: () => ({ idempotencyKey: key(), freelancerId: w.people.freelancer.id, connects: 10, reason: "Goodwill" }) },
  { path: "admin.people.revokeConnects", as: () => w.people.admin, input: () => ({ idempotencyKey: key(), freelancerId: w.people.freelancer.id, connects: 10, reason: "Mistake" }) },
  { path: "admin.people.awardRisingTalent", as: () => w.people.admin, input: () => ({ idempotencyKey: key(), freelancerId: w.people.otherFreelancer.id, reason: "Great start" }) },
  { path: "admin.people.suspend", as: () => w.people.admin, input: () => ({ idempotencyKey: key(), userId: w.people.brokeFreelancer.id, reason: "Spam reports" }) },
  { path: "admin.people.createAdmin", as: () => w.people.admin, input: () => ({ idempotencyKey: key(), email: `${key("admin")}@fairlance.test`, name: "New Admin", initialPassword: "a long initial passphrase", reason: "Joins the support team" }) },
  { path: "admin.people.endSessions", as: () => w.people.admin, input: () => ({ idempotencyKey: key(), userId: w.people.brokeFreelancer.id, reason: "Stolen session" }) },
  { path: "admin.people.unsuspend", as: () => w.people.admin, input: () => ({ idempotencyKey: key(), userId: w.people.brokeFreelancer.id, reason: "Resolved now" }) },
  // Suspension (issue 19, economy.md §5.3): an admin holds and releases a freelancer's payouts.
  { path: "admin.people.holdPayouts", as: () => w.people.admin, input: () => ({ idempotencyKey: key(), userId: w.people.brokeFreelancer.id, reason: "Chargebacks under review" }) },
  { path: "admin.people.releasePayouts", as: () => w.people.admin, input: () => ({ idempotencyKey: key(), userId: w.people.brokeFreelancer.id, reason: "Resolved now" }) },
  { path: "admin.moderation.removeJob", as: () => w.people.admin, input: () => ({ jobId: w.jobs.otherOpen, idempotencyKey: key(), reason: "Looks like a scam" }) },
  { path: "admin.moderation.reviewFlag", as: () => w.people.admin, input: () => ({ messageId: w.messageId, idempotencyKey: key(), reason: "Checked it" }) },
  { path: "admin.moderation.removeMessage", as: () => w.people.admin, input: () => ({ messageId: w.messageId, idempotencyKey: key(), reason: "Asks for crypto" }) },
  { path: "admin.moderation.warnSender", as: () => w.people.admin, input: () => ({ messageId: w.messageId, idempotencyKey: key(), reason: "Asks for crypto" }) },
  { path: "admin.moderation.suspendSender", as: () => w.people.admin, input: () => ({ messageId: w.messageId, idempotencyKey: key(), reason: "Asks for crypto" }) },
  // Feedback (economy.md §10), on the contracts of `feedback` below. A private note is left out: an empty one is a valid request.
  { path: "feedback.leave", as: () => w.people.freelancer, input: () => ({ contractId: feedback.unrated, idempotencyKey: key(), comment: FEEDBACK_COMMENT, ...FREELANCER_STARS }) },
  { path: "feedback.edit", as: () => w.people.freelancer, input: () => ({ feedbackId: feedback.blind, idempotencyKey: key(), comment: FEEDBACK_COMMENT, ...FREELANCER_STARS }) },
  { path: "feedback.reply", as: () => w.people.freelancer, input: () => ({ feedbackId: feedback.aboutFreelancer, idempotencyKey: key(), reply: "Thank you!" }) },
  { path: "admin.feedback.hide", as: () => w.people.admin, input: () => ({ feedbackId: feedback.aboutFreelancer, idempotencyKey: key(), reason: "Personal details" }) },
  { path: "admin.feedback.unhide", as: () => w.people.admin, input: () => ({ feedbackId: feedback.hidden, idempotencyKey: key(), reason: "Checked again" }) },
  // Reputation (issue 15): answering invitations, saved jobs and freelancers.
  { path: "invitation.decline", as: () => w.people.freelancer, input: () => ({ invitationId: w.invitations.pending, idempotencyKey: key(), reason: "Fully booked" }), valid: { reason: ["missing", "empty", "blank"] } },
  { path: "saved.saveJob", as: () => w.people.freelancer, input: () => ({ jobId: w.jobs.open }) },
  { path: "saved.unsaveJob", as: () => w.people.freelancer, input: () => ({ jobId: w.jobs.open }) },
  { path: "saved.saveFreelancer", as: () => w.people.client, input: () => ({ freelancerId: w.people.freelancer.id }) },
  { path: "saved.unsaveFreelancer", as: () => w.people.client, input: () => ({ freelancerId: w.people.freelancer.id }) },
  // Accounts (issue 16): the links' pages (public: any caller), the account page's forms. A blank
  // current password is a valid request, refused by the password check (which counts it as a guess).
  { path: "auth.verifyEmail", as: () => w.people.client, input: () => ({ token: "A".repeat(43) }) },
  { path: "auth.requestPasswordReset", as: () => w.people.client, input: () => ({ email: "someone@example.com" }) },
  { path: "auth.resetPassword", as: () => w.people.client, input: () => ({ token: "A".repeat(43), password: "a brand new long password" }) },
  { path: "account.changeName", as: () => w.people.client, input: () => ({ name: "Carol Client" }) },
  { path: "account.changeEmail", as: () => w.people.client, input: () => ({ newEmail: "carol.new@example.com", currentPassword: "her current password" }), valid: { currentPassword: ["blank"] } },
  { path: "account.endSession", as: () => w.people.client, input: () => ({ sessionId: "00000000-0000-4000-8000-000000000000" }) },
  // The inbox and attachments (issue 16): files named by id on a message or a submission, and marking a conversation read.
  {
    path: "message.send",
    label: "with files",
    as: () => w.people.freelancer,
    input: () => ({ proposalId: w.proposals.mine, idempotencyKey: key(), body: "The files you asked for.", attachmentIds: [UNSENT_FILE] }),
    valid: { attachmentIds: ["empty"], "attachmentIds.0": ["missing"] },
  },
  {
    path: "milestone.submit",
    label: "with files",
    as: () => w.people.freelancer,
    input: () => ({ idempotencyKey: key(), milestoneId: w.milestones.funded, note: "Here it is", attachmentIds: [UNSENT_FILE] }),
    valid: { note: ["missing", "empty", "blank"], attachmentIds: ["empty"], "attachmentIds.0": ["missing"] },
  },
  { path: "message.markRead", as: () => w.people.freelancer, input: () => ({ kind: "proposal", id: w.proposals.mine }) },
  { path: "message.markUnread", as: () => w.people.freelancer, input: () => ({ kind: "proposal", id: w.proposals.mine }) },
];
// Reports (issue 19 §2): a report of the client's profile, and an admin's decision on it.
ENTRIES.push(
  {
    path: "report.create",
    as: () => w.people.freelancer,
    input: () => ({ objectKind: "PROFILE", objectId: w.people.client.id, reason: "misleading", note: "Claims work they did not do" }),
    valid: { note: ["missing", "empty", "blank"] },
  },
  { path: "report.resolve", as: () => w.people.admin, input: () => ({ idempotencyKey: key(), objectKind: "PROFILE", objectId: w.people.client.id, action: "dismiss", reason: "Nothing against the rules" }) },
);
/** An attachment id no upload has: every bad variant around it is refused before the files are looked at. */
const UNSENT_FILE = "3f1c9a52-0d4e-4b8a-9c1e-5a7b2d6e8f01";

const FEEDBACK_COMMENT = "Clear brief and prompt payment.";
const FREELANCER_STARS = { overall: 5, facets: { clarity: 5, payment: 5, communication: 5 } };
/** Ended contracts that paid: one nobody rated, one with the freelancer's blind feedback, one revealed, one revealed and hidden. */
const feedback = { unrated: "", blind: "", aboutFreelancer: "", hidden: "" };
beforeAll(async () => {
  const { client, freelancer, admin } = w.people;
  const now = new Date(NOW.getTime() - 86_400_000);
  const ended = async () => {
    const { contractId } = await earn(db.prisma, { clientId: client.id, freelancerId: freelancer.id, grossMinor: 10_000n, now });
    await endContract(db.prisma, { actorId: client.id, now, idempotencyKey: key(), contractId, reason: "The work is done." });
    return contractId;
  };
  const leave = async (who: TestUser, contractId: string) =>
    (
      await leaveFeedback(db.prisma, {
        actorId: who.id,
        now,
        idempotencyKey: key(),
        contractId,
        comment: FEEDBACK_COMMENT,
        ...(who.id === client.id ? { overall: 4, facets: { skills: 4, quality: 4, communication: 4, deadlines: 4, cooperation: 4 } } : FREELANCER_STARS),
      })
    ).feedbackId;
  feedback.unrated = await ended();
  feedback.blind = await leave(freelancer, await ended());
  const revealed = await ended();
  feedback.aboutFreelancer = await leave(client, revealed);
  await leave(freelancer, revealed);
  const hiddenOn = await ended();
  feedback.hidden = await leave(client, hiddenOn);
  await leave(freelancer, hiddenOn);
  await hideFeedback(db.prisma, { actorId: admin.id, now, idempotencyKey: key(), feedbackId: feedback.hidden, reason: "Personal details" });
});

// Profiles (issue 15): every change a person makes to their profile, with one entry of each list
// the freelancer already has (made before the corpus runs).
const profile = { portfolioItemId: "", employmentId: "", educationId: "" };
beforeAll(async () => {
  const made = async (path: string, input: unknown) => {
    const reply = await send(w.people.freelancer, path, input);
    expect(reply.status, reply.text).toBe(200);
    return reply.data as Record<string, string>;
  };
  profile.portfolioItemId = (await made("profile.addPortfolioItem", { idempotencyKey: key(), title: "Shop", description: "", link: null })).portfolioItemId!;
  profile.employmentId = (await made("profile.addEmployment", { idempotencyKey: key(), employment: PROFILE_JOB })).employmentId!;
  profile.educationId = (await made("profile.addEducation", { idempotencyKey: key(), education: PROFILE_SCHOOL })).educationId!;
});
const PROFILE_JOB = { company: "Acme", role: "Developer", fromMonth: "2020-01", toMonth: "2022-06", description: "Built the shop." };
const PROFILE_SCHOOL = { school: "University of Porto", degree: "BSc", fromYear: 2012, toYear: 2016 };
const BLANK_OK: Variant[] = ["empty", "blank"];
ENTRIES.push(
  {
    path: "profile.updateFreelancer",
    as: () => w.people.freelancer,
    input: () => ({
      title: "Senior React developer",
      overview: "Fast, accessible web apps.",
      skills: ["React"],
      hourlyRateMinor: 6_500n,
      availability: "PART_TIME",
      location: "Lisbon",
      timeZone: "Europe/Lisbon",
      languages: [{ language: "English", level: "FLUENT" }],
    }),
    valid: { overview: BLANK_OK, location: BLANK_OK, timeZone: BLANK_OK, skills: ["empty"], "skills.0": ["missing"], languages: ["empty"] },
  },
  { path: "profile.updateClient", as: () => w.people.client, input: () => ({ companyName: "Northwind", description: "Tea.", location: "Porto" }), valid: { companyName: BLANK_OK, description: BLANK_OK, location: BLANK_OK } },
  { path: "profile.addPortfolioItem", as: () => w.people.freelancer, input: () => ({ idempotencyKey: key(), title: "Checkout", description: "A faster checkout.", link: "https://example.com" }), valid: { description: BLANK_OK } },
  {
    path: "profile.updatePortfolioItem",
    as: () => w.people.freelancer,
    input: () => ({ portfolioItemId: profile.portfolioItemId, title: "Checkout", description: "A faster checkout.", link: "https://example.com" }),
    valid: { description: BLANK_OK },
  },
  { path: "profile.removePortfolioItem", as: () => w.people.freelancer, input: () => ({ portfolioItemId: profile.portfolioItemId }) },
  { path: "profile.removePortfolioImage", as: () => w.people.freelancer, input: () => ({ portfolioItemId: profile.portfolioItemId }) },
  { path: "profile.reorderPortfolio", as: () => w.people.freelancer, input: () => ({ portfolioItemIds: [profile.portfolioItemId] }) },
  { path: "profile.addEmployment", as: () => w.people.freelancer, input: () => ({ idempotencyKey: key(), employment: PROFILE_JOB }), valid: { "employment.description": BLANK_OK } },
  {
    path: "profile.updateEmployment",
    as: () => w.people.freelancer,
    input: () => ({ employmentId: profile.employmentId, employment: PROFILE_JOB }),
    valid: { "employment.description": BLANK_OK },
  },
  { path: "profile.removeEmployment", as: () => w.people.freelancer, input: () => ({ employmentId: profile.employmentId }) },
  { path: "profile.addEducation", as: () => w.people.freelancer, input: () => ({ idempotencyKey: key(), education: PROFILE_SCHOOL }), valid: { "education.degree": BLANK_OK } },
  { path: "profile.updateEducation", as: () => w.people.freelancer, input: () => ({ educationId: profile.educationId, education: PROFILE_SCHOOL }), valid: { "education.degree": BLANK_OK } },
  { path: "profile.removeEducation", as: () => w.people.freelancer, input: () => ({ educationId: profile.educationId }) },
);

// Email (issue 16): notification choices (a mandatory category's email cannot be turned off), and the
// reads anyone may send: an unsubscribe link's token and the demo mailbox.
ENTRIES.push({ path: "preferences.update", as: () => w.people.freelancer, input: () => ({ categories: [{ category: "connects", inApp: true, email: "DAILY_DIGEST" }] }) });
describe("email: bad choices, tokens and mailbox searches are refused with a 4xx and a sentence, never a 5xx", () => {
  it("each bad value, and nothing changes", async () => {
    const { freelancer } = w.people;
    const token = unsubscribeToken(freelancer.id, "payments");
    const problems: string[] = [];
    const attempt = async (path: string, input: unknown, expected: "refused" | "ok", method: "GET" | "POST" = "GET") => {
      const reply = method === "GET" ? await api.send(cookie(freelancer), path, input, { method: "GET" }) : await send(freelancer, path, input);
      sent.reads++;
      try {
        if (expected === "refused") expectRefused(reply, `${path} ${encode(input).slice(0, 120)}`);
        else expect(reply.status, `${path} ${encode(input).slice(0, 120)}: ${reply.text.slice(0, 200)}`).toBe(200);
      } catch (error) {
        problems.push((error as Error).message.split("\n")[0]!);
      }
    };
    await changesNothing(db.prisma, "email", async () => {
      // Account emails cannot be turned off; a category twice, or one that does not exist, is refused.
      await attempt("preferences.update", { categories: [{ category: "account", inApp: true, email: "OFF" }] }, "refused", "POST");
      await attempt("preferences.update", { categories: [{ category: "connects", inApp: true, email: "OFF" }, { category: "connects", inApp: false, email: "OFF" }] }, "refused", "POST");
      await attempt("preferences.update", { categories: [{ category: "marketing", inApp: true, email: "OFF" }] }, "refused", "POST");
      const tampered = [
        token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"),
        token.replace("payments", "account"),
        token.replace("payments", "marketing"),
        token.replace(freelancer.id, w.people.client.id),
        `${token}.extra`,
        token.slice(0, 40),
        "x".repeat(401),
        "",
        "   ",
        "a\u0000b",
        "../../etc/passwd",
      ];
      for (const bad of tampered) await attempt("preferences.unsubscribeInfo", { token: bad }, "refused");
      for (const [, value] of STRING_BAD) await attempt("preferences.unsubscribeInfo", value === MISSING ? {} : { token: value }, "refused");
      await attempt("preferences.unsubscribeInfo", { token }, "ok");
      for (const [, value] of STRING_BAD.filter(([variant]) => !["missing", "empty", "blank"].includes(variant))) await attempt("mailbox.list", { to: value }, "refused");
      for (const to of ["%", "_", "\\", "'", "fran@", "x".repeat(254)]) await attempt("mailbox.list", { to }, "ok");
      await attempt("mailbox.list", { to: "x".repeat(255) }, "refused");
      for (const [, value] of [...NUMBER_BAD.filter(([variant]) => variant !== "missing"), ["beyond the last page", 10_001] as Case]) await attempt("mailbox.list", { page: value }, "refused");
      await attempt("mailbox.list", { page: 10_000 }, "ok");
      for (const [, value] of ID_BAD) await attempt("mailbox.get", value === MISSING ? {} : { id: value }, "refused");
      await attempt("mailbox.get", { id: "00000000-0000-4000-8000-000000000000" }, "refused");
      expect(problems).toEqual([]);
    });
  });
});

describe("profile uploads: a bad file or form is refused with a 4xx and a sentence, and nothing is stored", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "fairlance-bad-uploads-"));
    setFileStoreForTests(new LocalFileStore(root));
  });
  afterAll(() => setFileStoreForTests(undefined));

  const upload = (path: string, fields: Record<string, string | Blob>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      if (typeof value === "string") form.append(name, value);
      else form.append(name, value, "upload.jpg");
    }
    return api.send(cookie(w.people.freelancer), path, undefined, { body: form, headers: { "content-type": "" } });
  };
  const blob = (bytes: Uint8Array | string, type = "image/jpeg") => new Blob([bytes as Uint8Array<ArrayBuffer>], { type });

  it("each bad file, for a profile photo and a portfolio image", async () => {
    const jpeg = await makeTestImage({ format: "jpeg", width: 800, height: 600 });
    const files: [string, Blob, RegExp][] = [
      ["oversize", blob(new Uint8Array(MAX_IMAGE_BYTES + 1)), /an image can be at most 5 MB/],
      ["a GIF", blob(await makeTestImage({ format: "gif", width: 800, height: 600 }), "image/gif"), /not a JPEG, PNG or WebP image/],
      ["an SVG with a script", blob('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml"), /SVG/],
      ["a PDF named like a photo", blob("%PDF-1.7\n1 0 obj <<>> endobj"), /not a JPEG, PNG or WebP image/],
      ["garbage bytes", blob(Uint8Array.from({ length: 4_096 }, (_, i) => (i * 7919) % 256)), /not a JPEG, PNG or WebP image|could not be read/],
      ["a truncated JPEG", blob(jpeg.slice(0, Math.floor(jpeg.length / 2))), /could not be read/],
      ["an empty file", blob(new Uint8Array()), /The file is empty/],
      ["a photo too small", blob(await makeTestImage({ format: "jpeg", width: 100, height: 80 })), /at least/],
    ];
    const problems: string[] = [];
    await changesNothing(db.prisma, "profile uploads", async () => {
      for (const [variant, file] of files) {
        for (const [path, fields] of [["profile.setAvatar", {}], ["profile.setPortfolioImage", { portfolioItemId: profile.portfolioItemId }]] as const) {
          const reply = await upload(path, { ...fields, file });
          sent.fields++;
          try {
            expectRefused(reply, `${path} with ${variant}`);
            expect(reply.error?.message, `${path} with ${variant}`).toMatch(files.find(([name]) => name === variant)![2]);
          } catch (error) {
            problems.push((error as Error).message.split("\n")[0]!);
          }
        }
      }
      expect(problems).toEqual([]);
    });
    expect(await readdir(root)).toEqual([]);
  });

  it("each bad form: no file, text for the file, a field it does not take, someone else's or no portfolio item, JSON instead of a form", async () => {
    const photo = blob(await makeTestImage({ format: "jpeg", width: 800, height: 600 }));
    const { portfolioItemId: othersItem } = (await send(w.people.otherFreelancer, "profile.addPortfolioItem", { idempotencyKey: key(), title: "Other", description: "", link: null })).data as { portfolioItemId: string };
    const cases: [string, string, Record<string, string | Blob> | null][] = [
      ["no file", "profile.setAvatar", {}],
      ["text for the file", "profile.setAvatar", { file: "not a file" }],
      ["a field it does not take", "profile.setAvatar", { file: photo, role: "ADMIN" }],
      ["no portfolio item", "profile.setPortfolioImage", { file: photo }],
      ["a malformed portfolio item", "profile.setPortfolioImage", { portfolioItemId: "not-a-uuid", file: photo }],
      ["someone else's portfolio item", "profile.setPortfolioImage", { portfolioItemId: othersItem, file: photo }],
      ["JSON instead of a form", "profile.setAvatar", null],
    ];
    const problems: string[] = [];
    await changesNothing(db.prisma, "profile upload forms", async () => {
      for (const [variant, path, fields] of cases) {
        const reply = fields === null ? await send(w.people.freelancer, path, { file: "x" }) : await upload(path, fields);
        sent.fields++;
        try {
          expectRefused(reply, `${path} with ${variant}`);
        } catch (error) {
          problems.push((error as Error).message.split("\n")[0]!);
        }
      }
      expect(problems).toEqual([]);
    });
    expect(await readdir(root)).toEqual([]);
  });
});

describe("attachments (issue 16): a bad file, form or search is refused with a 4xx and a sentence, and nothing is stored", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "fairlance-bad-attachments-"));
    setFileStoreForTests(new LocalFileStore(root));
  });
  afterAll(() => setFileStoreForTests(undefined));

  const upload = (fields: Record<string, string | Blob>, who = w.people.freelancer) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      if (typeof value === "string") form.append(name, value);
      else form.append(name, value, "brief.pdf");
    }
    return api.send(cookie(who), "message.uploadAttachment", undefined, { body: form, headers: { "content-type": "" } });
  };
  const blob = (bytes: Uint8Array | string, type = "application/pdf") => new Blob([bytes as Uint8Array<ArrayBuffer>], { type });

  it("each bad file and form", async () => {
    const cases: [string, Record<string, string | Blob> | null, number, RegExp][] = [
      ["an empty file", { file: blob(new Uint8Array()) }, 400, /^The file is empty/],
      ["a program named like a PDF", { file: blob(TEST_FILES.exe) }, 400, /^This file cannot be attached: attach a PDF/],
      ["text with a NUL byte", { file: blob(TEST_FILES.binaryText, "text/plain") }, 400, /cannot be attached/],
      ["text that is not UTF-8", { file: blob(TEST_FILES.latin1, "text/plain") }, 400, /cannot be attached/],
      ["a BMP image", { file: blob(new Uint8Array([0x42, 0x4d, 0x3a, 0, 0, 0, 0, 0, 0, 0, 0x36, 0]), "image/bmp") }, 400, /^A BMP image cannot be attached/],
      ["over the 10 MB limit in force", { file: blob(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61), "text/plain") }, 400, /an attachment can be at most 10 MB/],
      ["over the 25 MB an attachment can ever be", { file: blob(new Uint8Array(25 * 1024 * 1024 + 1).fill(0x61), "text/plain") }, 400, /an attachment can never be more than 25 MB/],
      ["a body over what the API reads", { file: blob(new Uint8Array(26 * 1024 * 1024).fill(0x61), "text/plain") }, 413, /larger than the 25 MB limit/],
      ["no file", {}, 400, /Choose a file to upload/],
      ["text for the file", { file: "not a file" }, 400, /must be a file/],
      ["a field it does not take", { file: blob(TEST_FILES.pdf), messageId: "x" }, 400, /"messageId" is not a field/],
      ["JSON instead of a form", null, 415, /takes a file/],
    ];
    const problems: string[] = [];
    await changesNothing(db.prisma, "attachment uploads", async () => {
      for (const [variant, fields, status, message] of cases) {
        const reply = fields === null ? await send(w.people.freelancer, "message.uploadAttachment", { file: "x" }) : await upload(fields);
        sent.fields++;
        try {
          expectRefused(reply, `message.uploadAttachment with ${variant}`);
          expect(reply.status, variant).toBe(status);
          expect(reply.error?.message, variant).toMatch(message);
        } catch (error) {
          problems.push((error as Error).message.split("\n")[0]!);
        }
      }
      // An admin has no conversations to attach files to.
      const byAdmin = await upload({ file: blob(TEST_FILES.pdf) }, w.people.admin);
      expect(byAdmin.status).toBe(403);
      expect(problems).toEqual([]);
    });
    expect(await readdir(root)).toEqual([]);
  });

  it("the inbox and a conversation refuse what no query means, and search any text without a 5xx", async () => {
    const problems: string[] = [];
    const read = async (path: string, input: unknown, refused: boolean) => {
      const reply = await api.send(cookie(w.people.freelancer), path, input, { method: "GET" });
      sent.reads++;
      try {
        if (refused) expectRefused(reply, `${path} ${encode(input)}`);
        else expect(reply.status, `${path} ${encode(input)}: ${reply.text.slice(0, 200)}`).toBe(200);
      } catch (error) {
        problems.push((error as Error).message.split("\n")[0]!);
      }
    };
    await changesNothing(db.prisma, "inbox reads", async () => {
      for (const search of ["%%", "__", "\\\\", "' OR '1'='1", "%' --", "x".repeat(100), "ça va ☕"]) await read("message.inbox", { search }, false);
      for (const search of ["", " ", "a", "x".repeat(101), 42, ["ab"], "a\u0000b"]) await read("message.inbox", { search }, true);
      for (const cursor of ["", "not a cursor", "2026-12-01T00:00:00.000Z|proposal:x", 7, "9999-99-99T99:99:99.999Z|dispute:00000000-0000-4000-8000-000000000000"]) await read("message.inbox", { cursor }, true);
      await read("message.inbox", { unread: true }, true);
      for (const input of [{ kind: "email", id: w.proposals.mine }, { kind: "proposal", id: "not-a-uuid" }, { kind: "proposal" }, { id: w.proposals.mine }, {}]) await read("message.conversation", input, true);
      expect(problems).toEqual([]);
    });
  });
});

// Notifications in the app (issue 16): marking one's own read (every field, with the corpus
// above), the list's cursor, filter and page size, and "Mark all as read", which takes nothing.
const notifications = { mine: "", theirs: "" };
beforeAll(async () => {
  notifications.mine = (await makeNotification(db.prisma, w.people.freelancer.id)).id;
  notifications.theirs = (await makeNotification(db.prisma, w.people.client.id)).id;
});
ENTRIES.push({ path: "notification.markRead", as: () => w.people.freelancer, input: () => ({ ids: [notifications.mine] }) });
describe("notifications: bad reads and inputs are refused with a 4xx and a sentence, and change nothing", () => {
  it("notification.list, notification.unreadCount and notification.markAllRead", async () => {
    const problems: string[] = [];
    const expect4xx = (reply: Reply, context: string) => {
      try {
        expectRefused(reply, context);
      } catch (error) {
        problems.push((error as Error).message.split("\n")[0]!);
      }
    };
    const list = (input: unknown) => api.send(cookie(w.people.freelancer), "notification.list", input, { method: "GET" });
    await changesNothing(db.prisma, "notifications", async () => {
      const bad: [string, Case[]][] = [
        ["cursor", ID_BAD.filter(([variant]) => variant !== "missing")],
        ["unread", BOOLEAN_BAD.filter(([variant]) => variant !== "missing")],
        ["limit", [...NUMBER_BAD.filter(([variant]) => variant !== "missing"), ["51", 51]]],
      ];
      for (const [field, cases] of bad) {
        for (const [variant, value] of cases) {
          expect4xx(await list({ [field]: value }), `notification.list: ${field} ${variant}`);
          sent.reads++;
        }
      }
      for (const [variant, value] of [...WHOLE_INPUT_BAD.filter(([variant]) => variant !== "an empty object"), ["an unknown field", { userId: w.people.client.id }] as Case]) {
        expect4xx(await list(value), `notification.list with ${variant}`);
        expect4xx(await send(w.people.freelancer, "notification.markAllRead", value), `notification.markAllRead with ${variant}`);
        sent.reads++;
        sent.fields++;
      }
      // Someone else's notification as the cursor reads as missing; a page of 50 is fine.
      const theirs = await list({ cursor: notifications.theirs });
      expect4xx(theirs, "notification.list after another person's notification");
      expect(theirs.status).toBe(404);
      expect((await list({ limit: 50, unread: true })).status).toBe(200);
      expect4xx(await api.send(cookie(w.people.freelancer), "notification.unreadCount", { everyone: true }, { method: "GET" }), "notification.unreadCount with a field");
      expect4xx(await send(w.people.freelancer, "notification.markRead", { ids: [notifications.theirs] }), "notification.markRead of another person's");
      expect(problems).toEqual([]);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Bad values by the type the schema expects.

type Case = [name: string, value: unknown];
const MISSING = Symbol("missing");

const NUMBER_BAD: Case[] = [
  ["negative", -1],
  ["zero", 0],
  ["fractional", 12.5],
  ["a numeric string", "10"],
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["-Infinity", -Infinity],
  ["beyond 2^53", 2 ** 53 + 2],
  ["beyond a 32-bit column", 2 ** 31],
  ["raw 1e400", new Raw("1e400")],
  ["raw -1e400", new Raw("-1e400")],
  ["a raw 30-digit integer", new Raw("123456789012345678901234567890")],
  ["a bigint", 10n],
  ["null", null],
  ["an array", [10]],
  ["an object", { value: 10 }],
  ["missing", MISSING],
];
const BIGINT_BAD: Case[] = [
  ["negative", -1n],
  ["zero", 0n],
  ["fractional cents", 12.5],
  ["a plain number", 100],
  ["a numeric string", "100"],
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["-Infinity", -Infinity],
  ["beyond 2^53", 2n ** 53n + 1n],
  ["beyond a BIGINT column", 2n ** 63n],
  ["far beyond", 10n ** 40n],
  ["raw 1e400", new Raw("1e400")],
  ["a raw 30-digit integer", new Raw("123456789012345678901234567890")],
  ["a superjson bigint of 12.5", new Typed("12.5", "bigint")],
  ["a superjson bigint of 1e3", new Typed("1e3", "bigint")],
  ["a superjson bigint in hex", new Typed("0x10", "bigint")],
  ["a superjson bigint in binary", new Typed("0b101", "bigint")],
  ["a superjson bigint in octal", new Typed("0o17", "bigint")],
  ["a superjson bigint with spaces", new Typed(" 1000 ", "bigint")],
  ["a superjson bigint with a plus", new Typed("+1000", "bigint")],
  ["an empty superjson bigint", new Typed("", "bigint")],
  ["a superjson bigint of -0", new Typed("-0", "bigint")],
  ["a custom superjson type", new Typed("1000", "custom")],
  ["null", null],
  ["an array", [100n]],
  ["an object", { amountMinor: 100n }],
  ["missing", MISSING],
];
const STRING_BAD: Case[] = [
  ["empty", ""],
  ["blank", "   "],
  ["a NUL character", "a\u0000b"],
  ["an escape character", "a\u001b[31mb"],
  ["a right-to-left override", "invoice\u202egnp.exe"],
  ["a first-strong isolate", "a\u2068b"],
  ["a lone surrogate", "a\ud800b"],
  ["100,000 characters", "x".repeat(100_000)],
  ["a number", 42],
  ["null", null],
  ["an array", ["x"]],
  ["an object", { toString: "x" }],
  ["missing", MISSING],
];
const ID_BAD: Case[] = [...STRING_BAD, ["not an id", "not-a-uuid"], ["SQL", "' OR '1'='1"], ["an id with a suffix", "00000000-0000-4000-8000-000000000000; DROP TABLE x"]];
const KEY_BAD: Case[] = [...STRING_BAD, ["too short", "abc"], ["with spaces and symbols", "my key <script>"], ["101 characters", "k".repeat(101)]];
const ENUM_BAD: Case[] = [...STRING_BAD, ["not an option", "BITCOIN"], ["lower case", "weekly_ish"]];
const DATE_BAD: Case[] = [
  ["a date string", "2026-12-01"],
  ["an invalid date", new Typed("not a date", "Date")],
  ["the year 275761", new Typed("+275761-01-01T00:00:00.000Z", "Date")],
  ["a timestamp number", 1_764_547_200_000],
  ["null", null],
  ["an object", {}],
  ["missing", MISSING],
];
const BOOLEAN_BAD: Case[] = [
  ["a string", "true"],
  ["a number", 1],
  ["null", null],
  ["missing", MISSING],
];
const OBJECT_BAD: Case[] = [
  ["null", null],
  ["an array", []],
  ["a string", "x"],
  ["a number", 1],
  ["missing", MISSING],
];
const LIST_BAD: Case[] = [
  ["null", null],
  ["empty", []],
  ["a string", "x"],
  ["an object", {}],
  ["missing", MISSING],
];
/** What an admin may type as a setting's value: checked by the rules for that setting. */
const SETTING_VALUE_BAD: Case[] = BIGINT_BAD.filter(([name]) => name !== "missing").concat([["a string", "cheap"]]);

const WHOLE_INPUT_BAD: Case[] = [
  ["null", null],
  ["an array", []],
  ["a number", 42],
  ["a string", "x"],
  ["an empty object", {}],
  ["raw 1e400", new Raw("1e400")],
];

// ---------------------------------------------------------------------------------------------
// Walking a zod schema beside the valid input, to know what each field is.

type Schema = z.core.$ZodType;
const defOf = (schema: Schema) => schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;

function unwrap(schema: Schema): { schema: Schema; optional: boolean; nullable: boolean } {
  let optional = false;
  let nullable = false;
  for (;;) {
    const def = defOf(schema);
    if (def.type === "optional" || def.type === "default" || def.type === "prefault") optional = true;
    else if (def.type === "nullable") nullable = true;
    else if (def.type === "pipe") {
      schema = def.in as Schema;
      continue;
    } else return { schema, optional, nullable };
    schema = def.innerType as Schema;
  }
}

function childSchema(parent: Schema, segment: string | number, value: Record<string, unknown>): Schema {
  const def = defOf(unwrap(parent).schema);
  if (def.type === "object") return (def.shape as Record<string, Schema>)[segment as string]!;
  if (def.type === "array") return def.element as Schema;
  if (def.type === "union") {
    const options = def.options as Schema[];
    const discriminator = def.discriminator as string | undefined;
    const option = options.find((o) => {
      const shape = defOf(unwrap(o).schema).shape as Record<string, Schema> | undefined;
      const literal = shape && discriminator ? defOf(shape[discriminator]!) : undefined;
      return literal && (literal.values as unknown[]).includes(value[discriminator!]);
    });
    return childSchema(option ?? options[0]!, segment, value);
  }
  throw new Error(`cannot walk into a ${def.type}`);
}

interface Field {
  path: (string | number)[];
  cases: Case[];
}

function casesFor(schema: Schema, name: string): Case[] {
  const { schema: inner, optional, nullable } = unwrap(schema);
  const def = defOf(inner);
  let cases: Case[];
  if (def.type === "bigint") cases = BIGINT_BAD;
  else if (def.type === "number") cases = NUMBER_BAD;
  else if (def.type === "boolean") cases = BOOLEAN_BAD;
  else if (def.type === "date") cases = DATE_BAD;
  else if (def.type === "enum" || def.type === "literal") cases = ENUM_BAD;
  else if (def.type === "string") cases = name === "idempotencyKey" ? KEY_BAD : def.format === "uuid" ? ID_BAD : STRING_BAD;
  else if (def.type === "object" || def.type === "union") cases = OBJECT_BAD;
  else if (def.type === "array") cases = LIST_BAD;
  else if (def.type === "unknown") cases = SETTING_VALUE_BAD;
  else throw new Error(`no bad values for a ${def.type}`);
  // Leaving out an optional field, or null for a nullable one, is a valid request.
  return cases.filter(([variant]) => !(variant === "missing" && optional) && !(variant === "null" && nullable));
}

/** Every field of the valid input (nested objects, the first item of lists), with its bad values. */
function fieldsOf(schema: Schema, input: Record<string, unknown>, prefix: (string | number)[] = []): Field[] {
  return Object.entries(input).flatMap(([name, value]) => {
    const child = childSchema(schema, name, input);
    const path = [...prefix, name];
    const own: Field = { path, cases: casesFor(child, name) };
    if (Array.isArray(value)) {
      const tooMany: Case = ["500 items", Array.from({ length: 500 }, () => value[0])];
      const element = defOf(unwrap(child).schema).element as Schema;
      const items = value[0] && typeof value[0] === "object" ? fieldsOf(element, value[0] as Record<string, unknown>, [...path, 0]) : [{ path: [...path, 0], cases: casesFor(element, name) }];
      return [{ ...own, cases: [...own.cases, tooMany] }, ...items];
    }
    if (value && typeof value === "object" && !(value instanceof Date) && typeof value !== "bigint") {
      return [own, ...fieldsOf(child, value as Record<string, unknown>, path)];
    }
    return [own];
  });
}

function withValue(input: Record<string, unknown>, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(input);
  let target: Record<string | number, unknown> = copy;
  for (const segment of path.slice(0, -1)) target = target[segment] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === MISSING) delete target[last];
  else target[last] = value;
  return copy;
}

const procedures = appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>;
const inputSchema = (path: string) => procedures[path]!._def.inputs[0] as unknown as Schema;

const sent = { fields: 0, settings: 0, reads: 0 };

describe("bad values for every field of every procedure that moves money or connects", () => {
  it("the list covers every mutation whose input has an amount, connects or an idempotency key", () => {
    const keysOf = (schema: Schema): string[] => {
      const def = defOf(unwrap(schema).schema);
      if (def.type === "object") return Object.entries(def.shape as Record<string, Schema>).flatMap(([name, child]) => [name, ...keysOf(child)]);
      if (def.type === "array") return keysOf(def.element as Schema);
      if (def.type === "union") return (def.options as Schema[]).flatMap(keysOf);
      return [];
    };
    const moving = Object.entries(procedures)
      .filter(([, procedure]) => procedure._def.type === "mutation")
      .filter(([path]) => procedures[path]!._def.inputs.length > 0 && keysOf(inputSchema(path)).some((name) => /Minor$|^idempotencyKey$|[cC]onnects$|^bundleSize$/.test(name)))
      .map(([path]) => path);
    const listed = new Set(ENTRIES.map((entry) => entry.path));
    expect(moving.filter((path) => !listed.has(path))).toEqual([]);
    expect(moving.length).toBeGreaterThanOrEqual(35);
  });

  for (const entry of ENTRIES) {
    const name = `${entry.path}${entry.label ? ` (${entry.label})` : ""}`;
    it(name, async () => {
      const baseline = entry.input();
      // The control: the valid input passes the edge schema, so every refusal below is the bad field's.
      const parsed = await inputSchema(entry.path)["~standard"].validate(baseline);
      expect("issues" in parsed ? parsed.issues : [], `${name}: the valid input is not valid`).toEqual([]);

      const problems: string[] = [];
      const check = (reply: Reply, context: string, field?: string | number) => {
        try {
          expectRefused(reply, context);
          const fieldErrors = reply.error?.fieldErrors;
          if (reply.status === 400 && fieldErrors && field !== undefined) {
            // A problem inside the field (a service's nested issue, "facets.clarity") names it by its full path.
            const named = Object.keys(fieldErrors).some((key) => key === String(field) || key.startsWith(`${String(field)}.`));
            expect(named, `${context}: the field is not named (${Object.keys(fieldErrors).join(", ")})`).toBe(true);
          }
        } catch (error) {
          problems.push((error as Error).message.split("\n")[0]!);
        }
      };

      const tasks = WHOLE_INPUT_BAD.map(([variant, value]) => async () => check(await send(entry.as(), entry.path, value), `${name} with the whole input ${variant}`));
      for (const field of fieldsOf(inputSchema(entry.path), baseline)) {
        const dotted = field.path.join(".");
        const allowed: string[] = entry.valid?.[dotted] ?? [];
        for (const [variant, value] of field.cases.filter(([variant]) => !allowed.includes(variant))) {
          tasks.push(async () => check(await send(entry.as(), entry.path, withValue(baseline, field.path, value)), `${name}: ${dotted} ${variant}`, field.path[0]));
        }
      }
      sent.fields += tasks.length;
      await changesNothing(db.prisma, name, async () => {
        await inParallel(tasks);
        expect(problems).toEqual([]);
      });
    });
  }

  it("admin.settings.change: a bad value for every setting, by its type", async () => {
    const INT_VALUE_BAD: Case[] = [
      ["negative", -1],
      ["fractional", 12.5],
      ["a numeric string", "10"],
      ["NaN", NaN],
      ["Infinity", Infinity],
      ["beyond 2^53", 2 ** 53 + 2],
      ["beyond a 32-bit column", 2 ** 31],
      ["a bigint", 10n],
      ["an array", [10]],
    ];
    const MONEY_VALUE_BAD: Case[] = [
      ["negative", -1n],
      ["fractional cents", 12.5],
      ["a plain number", 15],
      ["a numeric string", "15"],
      ["beyond 2^53", 2n ** 53n + 1n],
      ["beyond a BIGINT column", 2n ** 63n],
      ["null", null],
    ];
    const SHAPE_BAD: Case[] = [
      ["null", null],
      ["a string", "x"],
      ["a number", 1],
      ["an empty object", {}],
    ];
    const bad: Record<string, Case[]> = {
      money: MONEY_VALUE_BAD,
      connects: INT_VALUE_BAD,
      days: INT_VALUE_BAD,
      count: INT_VALUE_BAD,
      bps: [...INT_VALUE_BAD, ["above 100%", 10_001]],
      boolean: [
        ["a string", "true"],
        ["a number", 1],
        ["null", null],
      ],
      bundle_sizes: [
        ["empty", []],
        ["zero", [0, 10]],
        ["negative", [-10]],
        ["fractional", [12.5]],
        ["beyond a 32-bit column", [2 ** 31]],
        ["twice the same", [10, 10]],
        ["a bigint", [10n]],
        ["500 bundles", Array.from({ length: 500 }, (_, i) => i + 1)],
        ...SHAPE_BAD,
      ],
      rate_card: [
        ["no tiers", { tiers: [] }],
        ["connects beyond a 32-bit column", { tiers: [{ upToMinor: null, connects: 2 ** 31, shortConnects: 1, shortMaxDays: 1 }] }],
        ["an edge beyond a BIGINT column", { tiers: [{ upToMinor: 2n ** 63n, connects: 2, shortConnects: 1, shortMaxDays: 1 }, { upToMinor: null, connects: 3, shortConnects: 2, shortMaxDays: 1 }] }],
        ["negative connects", { tiers: [{ upToMinor: null, connects: -1, shortConnects: 1, shortMaxDays: 1 }] }],
        ...SHAPE_BAD,
      ],
      fee_schedule: [
        ["a rate above 100%", { model: "flat", rateBps: 10_001 }],
        ["an unknown model", { model: "free" }],
        ["bands going down", { model: "tiered", bands: [{ upToMinor: 100n, rateBps: 10 }, { upToMinor: 50n, rateBps: 10 }, { upToMinor: null, rateBps: 5 }] }],
        ...SHAPE_BAD,
      ],
      payout_fees: [
        ["a negative fee", { ach: -1n, local_bank: 99n, paypal: 200n, instant: 200n, wire: 3_000n }],
        ["a fee beyond a BIGINT column", { ach: 2n ** 63n, local_bank: 99n, paypal: 200n, instant: 200n, wire: 3_000n }],
        ["a missing kind", { ach: 0n }],
        ...SHAPE_BAD,
      ],
      scam_patterns: [
        ["an invalid expression", [{ id: "x", label: "X", category: "payment", source: "(", flags: "" }]],
        ["a 100,000-character expression", [{ id: "x", label: "X", category: "payment", source: "a".repeat(100_000), flags: "" }]],
        ["an unknown flag", [{ id: "x", label: "X", category: "payment", source: "a", flags: "g" }]],
        ["the same id twice", [{ id: "x", label: "X", category: "payment", source: "a", flags: "" }, { id: "x", label: "Y", category: "payment", source: "b", flags: "" }]],
        ["a string", "x"],
        ["null", null],
      ],
      verification_actions: [
        ["an unknown action", ["propose", "sign_in"]],
        ["the same action twice", ["propose", "propose"]],
        ["a string", "propose"],
        ["null", null],
      ],
    };
    const problems: string[] = [];
    await changesNothing(db.prisma, "settings", async () => {
      for (const [settingKey, definition] of Object.entries(SETTING_DEFINITIONS)) {
        const cases = (bad[definition.unit] ?? []).filter(([variant]) => !(variant === "null" && settingKey === "connectRolloverCap"));
        expect(cases.length, `no bad values for ${definition.unit}`).toBeGreaterThan(0);
        for (const [variant, value] of cases) {
          const reply = await send(w.people.admin, "admin.settings.change", { idempotencyKey: key(), key: settingKey, value, effectiveFrom: null, reason: "Testing bad values" });
          sent.settings++;
          try {
            expectRefused(reply, `${settingKey} ${variant}`);
          } catch (error) {
            problems.push((error as Error).message.split("\n")[0]!);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  });

  it("reads with extreme filters and pages answer without a 5xx (and refuse what no column holds)", async () => {
    const problems: string[] = [];
    const read = async (who: TestUser, path: string, input: unknown, refused: boolean) => {
      const reply = await api.send(cookie(who), path, input, { method: "GET" });
      sent.reads++;
      try {
        if (refused) expectRefused(reply, `${path} ${encode(input)}`);
        else expect(reply.status, `${path} ${encode(input)}: ${reply.text.slice(0, 200)}`).toBe(200);
      } catch (error) {
        problems.push((error as Error).message.split("\n")[0]!);
      }
    };
    const { freelancer, client, admin } = w.people;
    await changesNothing(db.prisma, "reads", async () => {
      for (const page of [2 ** 31, Number.MAX_SAFE_INTEGER]) {
        // Find work stops at page 1,000 (a deeper page would read every match): refused with a sentence.
        await read(freelancer, "job.search", { page }, true);
        for (const path of ["admin.people.list", "admin.audit.search", "admin.ledger.transfers", "admin.ledger.connectEntries", "admin.moderation.jobs"]) await read(admin, path, { page }, false);
        // So do Find talent and a job's invitation list (the same search).
        await read(client, "talent.search", { page }, true);
        await read(client, "talent.search", { page, q: "design" }, true);
        await read(client, "job.inviteCandidates", { jobId: w.jobs.open, page }, true);
        await read(freelancer, "invitation.mine", { page }, false);
      }
      // Talent search (issue 15): filters no column holds are refused, never a 5xx.
      for (const [, value] of BIGINT_BAD.filter(([variant]) => variant !== "missing" && variant !== "zero")) {
        for (const filter of ["rateMinMinor", "rateMaxMinor"]) {
          await read(client, "talent.search", { [filter]: value }, true);
          await read(client, "job.inviteCandidates", { jobId: w.jobs.open, [filter]: value }, true);
        }
      }
      for (const [, value] of [...NUMBER_BAD.filter(([variant]) => variant !== "missing" && variant !== "zero"), ["above 100", 101] as Case]) {
        await read(client, "talent.search", { minJobSuccess: value }, true);
      }
      for (const [, value] of [...LIST_BAD.filter(([variant]) => variant !== "missing" && variant !== "empty"), ["16 skills", Array.from({ length: 16 }, (_, i) => `s${i}`)] as Case, ["a 41-character skill", ["x".repeat(41)]] as Case]) {
        await read(client, "talent.search", { skills: value }, true);
      }
      for (const q of ["!", "&|", "'", "-", '"', "or or", "a:*", "(((", "x".repeat(200)]) await read(client, "talent.search", { q }, false);
      for (const [, value] of BIGINT_BAD.filter(([variant]) => variant !== "missing" && variant !== "zero")) {
        for (const filter of ["budgetMinMinor", "budgetMaxMinor"]) await read(freelancer, "job.search", { [filter]: value }, true);
        await read(client, "contract.clientFeeQuote", { amountsMinor: [value] }, true);
        await read(client, "contract.bonusQuote", { contractId: w.contracts.fixed, amountMinor: value }, true);
        await read(freelancer, "payout.quote", { payoutMethodId: w.payoutMethods.mine, amountMinor: value }, true);
        await read(freelancer, "proposal.feePreview", { jobId: w.jobs.open, bidMinor: value }, true);
      }
      for (const [, value] of NUMBER_BAD.filter(([variant]) => variant !== "missing" && variant !== "zero")) {
        for (const filter of ["durationMinDays", "durationMaxDays", "maxConnects"]) await read(freelancer, "job.search", { [filter]: value }, true);
        await read(client, "job.previewCost", { pricing: { type: "hourly", maxHourlyRateMinor: 5_000n, estimatedHours: value }, durationDays: 30 }, true);
        await read(client, "job.previewCost", { pricing: { type: "fixed", budgetMinor: 5_000n }, durationDays: value }, true);
        await read(admin, "admin.ledger.revenue", { weeks: value }, true);
      }
      expect(problems).toEqual([]);
    });
  });

  it("admin.ledger.reconcile takes nothing: any other input is refused and no report is stored", async () => {
    const bad: Case[] = [...WHOLE_INPUT_BAD.filter(([variant]) => variant !== "an empty object"), ["an unknown field", { days: 1 }], ["a key it does not take", { idempotencyKey: key() }]];
    const problems: string[] = [];
    await changesNothing(db.prisma, "admin.ledger.reconcile", async () => {
      for (const [variant, value] of bad) {
        const reply = await send(w.people.admin, "admin.ledger.reconcile", value);
        sent.fields++;
        try {
          expectRefused(reply, `admin.ledger.reconcile with ${variant}`);
        } catch (error) {
          problems.push((error as Error).message.split("\n")[0]!);
        }
      }
      expect(problems).toEqual([]);
    });
  });

  it("sent well over a thousand bad requests", () => {
    const procedures = new Set(ENTRIES.map((entry) => entry.path)).size;
    console.info(`bad-input corpus: ${procedures} procedures × their fields = ${sent.fields} requests, ${sent.settings} bad settings, ${sent.reads} reads`);
    expect(sent.fields).toBeGreaterThan(1_500);
  });
});
