import { randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { changeEmail, requestPasswordReset, SANDBOX_CARDS, SANDBOX_VERIFICATION_CODE, signUp, startSession } from "@fairlance/db/services";
import { type Role } from "@fairlance/db";
import { earn, emailedLink, freshDatabase, key, makeNotification, makeTestImage, makeUser, setPassword, TEST_FILES, type TestDatabase } from "@fairlance/db/testing";
import { LocalFileStore, setFileStoreForTests } from "@fairlance/db/files";
import { unsubscribeToken } from "@fairlance/db/email";
import { NOTIFICATION_CATEGORIES, SUSPENSION_POLICY, suspensionExempt, suspensionRule } from "@fairlance/rules";
import { appRouter } from "@/server/root";
import { JOB } from "./marketplace-fixtures";
import { callerAt, days, T0 } from "./money-helpers";
import {
  buildMarketplace,
  fingerprint,
  installQueueStandIn,
  MATRIX_TITLE,
  PEOPLE,
  ROLE,
  withMissingIds,
  type Caller,
  type Marketplace,
  type Person,
  type Who,
} from "./authorization-fixtures";

/**
 * Who may call each procedure of the app router.
 *
 * - `allowed`: "anyone" (public), "signed-in" (any account), or the roles allowed. Anonymous
 *   callers of anything else get UNAUTHORIZED, other roles FORBIDDEN.
 * - `owner`: for a procedure on someone's object, the callers it belongs to (the client who owns
 *   the job, the freelancer on the contract, both parties…); "self" when each caller acts on an
 *   object of their own (their card). Anyone else of an allowed role gets NOT_FOUND, exactly as
 *   for an id that does not exist, so "not yours" tells nothing.
 * - `setup(m, who)`: a new object for `who` when a call uses one up (an approval works once).
 * - `call`: a well-formed input that succeeds for an allowed caller; `check` what they see.
 * - `suspended` (economy.md §5.3): what a suspended client or freelancer of an allowed role gets:
 *   "allowed" (the call succeeds as for anyone else) or "refused" (ACCOUNT_SUSPENDED, with a sentence,
 *   nothing changed). Every case a client or freelancer may call declares it; public and admin-only
 *   cases do not (admins cannot be suspended). It must equal the rules' SUSPENSION_POLICY.
 */
interface Case<S, R> {
  allowed: "anyone" | "signed-in" | readonly Role[];
  suspended?: "allowed" | "refused";
  owner?: readonly Person[] | "self";
  env?: Record<string, string>;
  setup?(m: Marketplace, who: Who): Promise<S>;
  call(caller: Caller, state: S, m: Marketplace): Promise<R>;
  check?(result: R, context: { who: Who; state: S; m: Marketplace }): unknown;
}
type AnyCase = Case<unknown, unknown>;
const procedure = <S, R>(entry: Case<S, R>): AnyCase => entry;

const CLIENTS = ["CLIENT"] as const;
const FREELANCERS = ["FREELANCER"] as const;
const ADMINS = ["ADMIN"] as const;
const MEMBERS = ["CLIENT", "FREELANCER"] as const;
const CLIENT_OWNS = ["client"] as const;
const FREELANCER_OWNS = ["freelancer"] as const;
const PARTIES = ["client", "freelancer"] as const;

const idOf = (m: Marketplace, who: Who) => m.users[who as Person].id;
/**
 * Ending one's sessions ends the matrix caller's too (sessions.test.ts proves that); the matrix
 * goes on as if the person signed in again, with a session of the version now in force.
 */
const signedInAgain = async (m: Marketplace, who: Who) => {
  await m.prisma.user.update({ where: { id: idOf(m, who) }, data: { sessionVersion: 0 } });
};
const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id);
/**
 * A flagged message on the matrix's proposal from a person of its own, so that warning or
 * suspending its sender leaves the matrix's people as they were.
 */
const flaggedFromNewcomer = async (m: Marketplace) => {
  const sender = await m.make.freelancer();
  const message = await m.prisma.message.create({
    data: { proposalId: m.proposalId, senderId: sender.id, recipientId: m.users.client.id, body: "Pay me in bitcoin", flags: ["crypto"], createdAt: T0 },
  });
  return { messageId: message.id };
};
/** A list shows `id` to the people in `seers` and to nobody else. */
const shows = (list: readonly string[], id: string, who: Who, seers: readonly Who[]) =>
  seers.includes(who) ? expect(list).toContain(id) : expect(list).not.toContain(id);
const onlyOwn = async (m: Marketplace, who: Who, table: "paymentMethod" | "payoutMethod" | "charge", list: string[]) => {
  const where = { id: { in: list }, userId: { not: idOf(m, who) } };
  const strangers =
    table === "charge" ? await m.prisma.charge.count({ where }) : table === "paymentMethod" ? await m.prisma.paymentMethod.count({ where }) : await m.prisma.payoutMethod.count({ where });
  expect(strangers, `${who} sees another person's ${table}`).toBe(0);
};
const freelancerOf = (who: Who) => (who === "otherFreelancer" ? "otherFreelancer" : "freelancer");
const memberOf = (who: Who) => (who === "anonymous" || who === "admin" ? "client" : who);

async function membershipFor(m: Marketplace, who: Who, active: boolean) {
  const caller = m.as[freelancerOf(who)];
  const status = (await caller.connects.overview()).membership.status;
  if (active && status !== "ACTIVE") await caller.connects.subscribe({ idempotencyKey: key(), paymentMethodId: m.cards[freelancerOf(who)] });
  if (!active && status === "ACTIVE") await caller.connects.cancelMembership();
  return { paymentMethodId: m.cards[freelancerOf(who)] };
}

let notificationPairs = 0;

const MATRIX: Record<string, AnyCase> = {
  // Public, and the account itself
  "auth.signUp": procedure({
    allowed: "anyone",
    call: (c) => c.auth.signUp({ name: "New person", email: `${randomUUID()}@test.local`, password: "long enough password", role: "FREELANCER" }),
    check: (result) => expect(result.role).toBe("FREELANCER"),
  }),
  "clock.get": procedure({ allowed: "anyone", call: (c) => c.clock.get(), check: (clock) => expect(clock.movable).toBe(false) }),
  "terms.get": procedure({ allowed: "anyone", call: (c) => c.terms.get(), check: (terms) => expect(terms.boostSlots).toBe(4) }),
  "clock.advance": procedure({
    suspended: "allowed",
    allowed: "signed-in",
    env: { FAIRLANCE_MOVABLE_CLOCK: "1" },
    call: (c) => c.clock.advance({ days: 1 }),
    check: (clock) => expect(clock).toMatchObject({ movable: true, pendingJobs: expect.any(Number) }),
  }),
  "me.get": procedure({ suspended: "allowed", allowed: "signed-in", call: (c) => c.me.get(), check: (me, { who, m }) => expect(me.id).toBe(idOf(m, who)) }),
  "me.notices": procedure({ suspended: "allowed", allowed: "signed-in", call: (c) => c.me.notices(), check: (notices) => expect(notices.warnings).toBeInstanceOf(Array) }),
  "me.changePassword": procedure({
    suspended: "allowed",
    allowed: "signed-in",
    setup: async (m, who) => {
      await setPassword(m.prisma, idOf(m, who), "matrix password, old");
      return { currentPassword: "matrix password, old" };
    },
    call: (c, s) => c.me.changePassword({ ...s, newPassword: "matrix password, new" }),
    check: async (result, { who, m }) => {
      expect(result.sessionVersion).toBeGreaterThan(0);
      await signedInAgain(m, who);
    },
  }),
  "me.signOutEverywhere": procedure({
    suspended: "allowed",
    allowed: "signed-in",
    call: (c) => c.me.signOutEverywhere(),
    check: async (result, { who, m }) => {
      expect(result.sessionVersion).toBeGreaterThan(0);
      await signedInAgain(m, who);
    },
  }),
  // Accounts (issue 16): confirmed emails, password reset, the account page, sessions
  "auth.verifyEmail": procedure({
    allowed: "anyone",
    setup: async (m) => {
      const email = `${randomUUID()}@test.local`;
      // The link is issued now: the anonymous caller's clock is the real one, the others' T0 (earlier), and both are before it expires.
      await signUp(m.prisma, { email, name: "Matrix newcomer", password: "long enough password", role: "CLIENT", ip: randomUUID(), now: new Date() });
      return { token: (await emailedLink(m.prisma, { to: email, kind: "verify_email" })).token, email };
    },
    call: (c, s) => c.auth.verifyEmail({ token: s.token }),
    check: (result, { state }) => expect(result).toEqual({ email: state.email, changed: false }),
  }),
  "auth.requestPasswordReset": procedure({
    allowed: "anyone",
    call: (c) => c.auth.requestPasswordReset({ email: `${randomUUID()}@test.local` }),
    check: (result) => expect(result.message).toMatch(/^If an account uses this email/),
  }),
  "auth.resetPassword": procedure({
    allowed: "anyone",
    setup: async (m) => {
      const person = await makeUser(m.prisma, "FREELANCER");
      await requestPasswordReset(m.prisma, { email: person.email, ip: randomUUID(), now: new Date() });
      return { token: (await emailedLink(m.prisma, { to: person.email, kind: "reset_password" })).token, email: person.email };
    },
    call: (c, s) => c.auth.resetPassword({ token: s.token, password: "a brand new matrix password" }),
    check: (result, { state }) => expect(result.email).toBe(state.email),
  }),
  "account.get": procedure({ suspended: "allowed", allowed: "signed-in", call: (c) => c.account.get(), check: (page, { who, m }) => expect(page.email).toBe(m.users[who as Person].email) }),
  "account.changeName": procedure({
    suspended: "refused",
    allowed: "signed-in",
    setup: async (m, who) => ({ name: m.users[who as Person].name }),
    call: (c, s) => c.account.changeName(s),
    check: (result, { state }) => expect(result).toEqual(state),
  }),
  "account.changeEmail": procedure({
    suspended: "allowed",
    allowed: "signed-in",
    setup: async (m, who) => {
      await setPassword(m.prisma, idOf(m, who), "matrix password, email");
      return { currentPassword: "matrix password, email", newEmail: `${randomUUID()}@test.local` };
    },
    call: (c, s) => c.account.changeEmail(s),
    check: (result, { state }) => expect(result.pendingEmail).toBe(state.newEmail),
  }),
  "account.resendVerification": procedure({
    suspended: "allowed",
    allowed: "signed-in",
    // A confirmed person has nothing to confirm: the call succeeds while an email change waits.
    setup: async (m, who) => {
      await setPassword(m.prisma, idOf(m, who), "matrix password, resend");
      await changeEmail(m.prisma, { actorId: idOf(m, who), now: T0, ip: randomUUID(), currentPassword: "matrix password, resend", newEmail: `${randomUUID()}@test.local` });
    },
    call: (c) => c.account.resendVerification(),
    check: (result, { who, m }) => expect(result.email).not.toBe(m.users[who as Person].email),
  }),
  "account.endSession": procedure({
    suspended: "allowed",
    allowed: "signed-in",
    owner: "self",
    setup: async (m, who) => ({ sessionId: (await startSession(m.prisma, { userId: idOf(m, who), userAgent: "Matrix browser", ip: "192.0.2.1", now: T0 })).sessionId }),
    call: (c, s) => c.account.endSession(s),
    check: (result, { state }) => expect(result).toEqual(state),
  }),
  "dashboard.client": procedure({
    suspended: "allowed",
    allowed: CLIENTS,
    call: (c) => c.dashboard.client(),
    check: (dashboard, { who, m }) => shows(ids(dashboard.jobs), m.jobId, who, ["client"]),
  }),
  "dashboard.freelancer": procedure({
    suspended: "allowed",
    allowed: FREELANCERS,
    call: (c) => c.dashboard.freelancer(),
    check: (dashboard, { who, m }) => shows(ids(dashboard.contracts), m.contractId, who, ["freelancer"]),
  }),
  "dashboard.admin": procedure({ allowed: ADMINS, call: (c) => c.dashboard.admin() }),

  // Jobs
  "job.search": procedure({
    suspended: "allowed",
    allowed: FREELANCERS,
    call: (c) => c.job.search({ q: MATRIX_TITLE }),
    check: ({ jobs }, { m }) => {
      expect(ids(jobs)).toContain(m.jobId);
      expect(ids(jobs)).not.toContain(m.draftJobId);
    },
  }),
  "job.get": procedure({ suspended: "allowed", allowed: FREELANCERS, call: (c, _, m) => c.job.get({ jobId: m.jobId }), check: (page, { m }) => expect(page.job.id).toBe(m.jobId) }),
  "job.previewCost": procedure({ suspended: "allowed", allowed: CLIENTS, call: (c) => c.job.previewCost({ pricing: { type: "fixed", budgetMinor: 100_000n }, durationDays: 60 }) }),
  "job.post": procedure({ suspended: "refused", allowed: CLIENTS, call: (c) => c.job.post({ ...JOB, publish: false, idempotencyKey: key() }), check: (job) => expect(job.status).toBe("DRAFT") }),
  "job.publish": procedure({
    suspended: "refused",
    allowed: CLIENTS,
    owner: CLIENT_OWNS,
    setup: async (m) => ({ jobId: await m.make.draftJob() }),
    call: (c, s) => c.job.publish({ ...s, idempotencyKey: key() }),
    check: (job) => expect(job.status).toBe("OPEN"),
  }),
  "job.edit": procedure({
    suspended: "refused",
    allowed: CLIENTS,
    owner: CLIENT_OWNS,
    setup: async (m) => ({ jobId: await m.make.job() }),
    call: (c, s) => c.job.edit({ ...s, idempotencyKey: key(), changes: { description: "A new description that is long enough to keep." } }),
  }),
  "job.close": procedure({
    suspended: "allowed",
    allowed: CLIENTS,
    owner: CLIENT_OWNS,
    setup: async (m) => ({ jobId: await m.make.job() }),
    call: (c, s) => c.job.close({ ...s, idempotencyKey: key() }),
    check: (job) => expect(job.status).toBe("CLOSED"),
  }),
  "job.listMine": procedure({ suspended: "allowed", allowed: CLIENTS, call: (c) => c.job.listMine(), check: (jobs, { who, m }) => shows(ids(jobs), m.jobId, who, ["client"]) }),
  "job.getMine": procedure({
    suspended: "allowed",
    allowed: CLIENTS,
    owner: CLIENT_OWNS,
    setup: async (m) => ({ jobId: m.jobId }),
    call: (c, s) => c.job.getMine(s),
    check: (page, { m }) => expect(ids(page.proposals)).toContain(m.proposalId),
  }),
  "job.inviteCandidates": procedure({
    suspended: "allowed",
    allowed: CLIENTS,
    owner: CLIENT_OWNS,
    setup: async (m) => {
      await m.prisma.freelancerProfile.update({ where: { userId: m.users.freelancer.id }, data: { title: "Matrix landing page builder" } });
      return { jobId: m.jobId, q: "matrix builder" };
    },
    call: (c, s) => c.job.inviteCandidates(s),
    // Fran proposed on the matrix's job: listed, and said so, not invitable again.
    check: (found, { m }) => expect(found.freelancers.find((hit) => hit.id === m.users.freelancer.id)).toMatchObject({ proposed: true, canInvite: false }),
  }),
  "job.invite": procedure({
    suspended: "refused",
    allowed: CLIENTS,
    owner: CLIENT_OWNS,
    setup: async (m) => ({ jobId: await m.make.job(), freelancerId: m.users.otherFreelancer.id }),
    call: (c, s) => c.job.invite({ ...s, idempotencyKey: key(), message: "Please have a look at this job." }),
  }),

  // Proposals
  "proposal.feePreview": procedure({ suspended: "allowed", allowed: FREELANCERS, call: (c, _, m) => c.proposal.feePreview({ jobId: m.jobId, bidMinor: 90_000n }) }),
  "proposal.submit": procedure({
    suspended: "refused",
    allowed: FREELANCERS,
    setup: async (m) => ({ jobId: await m.make.job() }),
    call: (c, s) => c.proposal.submit({ ...s, idempotencyKey: key(), coverLetter: "I have built many pages like this one, quickly and well.", bidMinor: 90_000n }),
  }),
  "proposal.withdraw": procedure({
    suspended: "allowed",
    allowed: FREELANCERS,
    owner: FREELANCER_OWNS,
    setup: async (m) => ({ proposalId: await m.make.proposal() }),
    call: (c, s) => c.proposal.withdraw({ ...s, idempotencyKey: key() }),
    check: (proposal) => expect(proposal.status).toBe("WITHDRAWN"),
  }),
  "proposal.listMine": procedure({
    suspended: "allowed",
    allowed: FREELANCERS,
    call: (c) => c.proposal.listMine(),
    check: (proposals, { who, m }) => shows(proposals.map((row) => row.proposalId), m.proposalId, who, ["freelancer"]),
  }),
  "proposal.markViewed": procedure({
    suspended: "allowed",
    allowed: CLIENTS,
    owner: CLIENT_OWNS,
    setup: async (m) => ({ proposalId: await m.make.proposal() }),
    call: (c, s) => c.proposal.markViewed(s),
    check: (proposal) => expect(proposal.status).toBe("VIEWED"),
  }),
  "proposal.shortlist": procedure({
    suspended: "refused",
    allowed: CLIENTS,
    owner: CLIENT_OWNS,
    setup: async (m) => ({ proposalId: await m.make.proposal() }),
    call: (c, s) => c.proposal.shortlist({ ...s, idempotencyKey: key() }),
    check: (proposal) => expect(proposal.status).toBe("SHORTLISTED"),
  }),
  "proposal.interview": procedure({
    suspended: "refused",
    allowed: CLIENTS,
    owner: CLIENT_OWNS,
    setup: async (m) => ({ proposalId: await m.make.proposal() }),
    call: (c, s) => c.proposal.interview({ ...s, idempotencyKey: key() }),
    check: (proposal) => expect(proposal.status).toBe("INTERVIEWING"),
  }),
  "proposal.decline": procedure({
    suspended: "allowed",
    allowed: CLIENTS,
    owner: CLIENT_OWNS,
    setup: async (m) => ({ proposalId: await m.make.proposal() }),
    call: (c, s) => c.proposal.decline({ ...s, idempotencyKey: key() }),
    check: (proposal) => expect(proposal.status).toBe("DECLINED"),
  }),

  // Connects
  "connects.overview": procedure({
    suspended: "allowed",
    allowed: FREELANCERS,
    call: (c) => c.connects.overview(),
    check: (overview, { who, m }) => shows(overview.history.map((entry) => entry.jobId ?? ""), m.jobId, who, ["freelancer"]),
  }),
  "connects.checkout": procedure({ suspended: "allowed", allowed: FREELANCERS, call: (c) => c.connects.checkout(), check: (checkout, { who, m }) => onlyOwn(m, who, "paymentMethod", ids(checkout.cards)) }),
  "connects.roi": procedure({ suspended: "allowed", allowed: FREELANCERS, call: (c) => c.connects.roi() }),
  "connects.buy": procedure({
    suspended: "refused",
    allowed: FREELANCERS,
    owner: "self",
    setup: async (m, who) => ({ paymentMethodId: m.cards[freelancerOf(who)] }),
    call: (c, s) => c.connects.buy({ ...s, idempotencyKey: key(), bundleSize: 10, paidWith: "card" }),
    check: (purchase) => expect(purchase.connects).toBe(10),
  }),
  "connects.subscribe": procedure({
    suspended: "refused",
    allowed: FREELANCERS,
    owner: "self",
    setup: (m, who) => membershipFor(m, who, false),
    call: (c, s) => c.connects.subscribe({ ...s, idempotencyKey: key() }),
  }),
  "connects.cancelMembership": procedure({
    suspended: "allowed",
    allowed: FREELANCERS,
    setup: (m, who) => membershipFor(m, who, true),
    call: (c) => c.connects.cancelMembership(),
    check: (membership) => expect(membership.status).toBe("CANCELLED"),
  }),

  // Messages
  "message.list": procedure({
    suspended: "allowed",
    allowed: MEMBERS,
    owner: PARTIES,
    setup: async (m) => ({ proposalId: m.proposalId }),
    call: (c, s) => c.message.list(s),
    check: (messages, { m }) => {
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) expect([message.senderId, message.recipientId].sort()).toEqual([m.users.client.id, m.users.freelancer.id].sort());
    },
  }),
  "message.send": procedure({
    suspended: "refused",
    allowed: MEMBERS,
    owner: PARTIES,
    setup: async (m) => ({ proposalId: m.proposalId }),
    call: (c, s) => c.message.send({ ...s, idempotencyKey: key(), body: "Checking in on this." }),
  }),
  // The inbox and attachments (issue 16): one's own conversations; a proposal's thread is its two parties' (an admin's are disputes).
  "message.inbox": procedure({
    suspended: "allowed",
    allowed: "signed-in",
    call: (c) => c.message.inbox({}),
    check: (page, { who, m }) => {
      const threads = page.conversations.map((row) => row.id);
      shows(threads, m.proposalId, who, PARTIES);
      for (const row of page.conversations) if (row.kind !== "dispute") expect(row.with.map((person) => person.id)).not.toContain(idOf(m, who));
    },
  }),
  "message.conversation": procedure({
    suspended: "allowed",
    allowed: "signed-in",
    owner: PARTIES,
    setup: async (m) => ({ kind: "proposal" as const, id: m.proposalId }),
    call: (c, s) => c.message.conversation(s),
    check: (view, { who, m }) => expect(view.with.map((person) => person.id)).toEqual([idOf(m, who === "client" ? "freelancer" : "client")]),
  }),
  "message.markRead": procedure({
    suspended: "allowed",
    allowed: "signed-in",
    owner: PARTIES,
    setup: async (m) => ({ kind: "proposal" as const, id: m.proposalId }),
    call: (c, s) => c.message.markRead(s),
    check: (read, { state }) => expect(read).toMatchObject(state),
  }),
  "message.markUnread": procedure({
    suspended: "allowed",
    allowed: "signed-in",
    owner: PARTIES,
    setup: async (m) => ({ kind: "proposal" as const, id: m.proposalId }),
    call: (c, s) => c.message.markUnread(s),
    check: (unread, { state }) => expect(unread).toMatchObject(state),
  }),
  "message.uploadAttachment": procedure({
    suspended: "refused",
    allowed: MEMBERS,
    call: (c) => {
      const form = new FormData();
      form.append("file", new Blob([TEST_FILES.pdf as Uint8Array<ArrayBuffer>], { type: "application/pdf" }), "brief.pdf");
      return c.message.uploadAttachment(form);
    },
    check: (uploaded) => expect(uploaded).toMatchObject({ fileName: "brief.pdf", contentType: "application/pdf" }),
  }),

  // Cards and billing
  "paymentMethod.list": procedure({ suspended: "allowed", allowed: MEMBERS, call: (c) => c.paymentMethod.list(), check: (list, { who, m }) => onlyOwn(m, who, "paymentMethod", ids(list.methods)) }),
  "paymentMethod.add": procedure({
    suspended: "refused",
    allowed: MEMBERS,
    call: (c) => c.paymentMethod.add({ idempotencyKey: key(), card: { number: SANDBOX_CARDS.succeeds, expMonth: 12, expYear: 2035, cvc: "123" } }),
  }),
  "paymentMethod.verify": procedure({
    suspended: "refused",
    allowed: MEMBERS,
    owner: "self",
    setup: async (m, who) => {
      const card = { number: SANDBOX_CARDS.requiresVerification, expMonth: 12, expYear: 2035, cvc: "123" };
      return { paymentMethodId: (await m.as[memberOf(who)].paymentMethod.add({ idempotencyKey: key(), card })).id };
    },
    call: (c, s) => c.paymentMethod.verify({ ...s, idempotencyKey: key(), code: SANDBOX_VERIFICATION_CODE }),
    check: (method) => expect(method.status).toBe("VERIFIED"),
  }),
  "billing.history": procedure({
    suspended: "allowed",
    allowed: CLIENTS,
    call: (c) => c.billing.history(),
    check: (lines, { who, m }) => onlyOwn(m, who, "charge", ids(lines.filter((line) => line.kind === "charge"))),
  }),
  "billing.statement": procedure({
    suspended: "allowed",
    allowed: CLIENTS,
    call: (c) => c.billing.statement(),
    check: (statement, { who, m }) => shows(statement.events.flatMap((e) => (e.contractId ? [e.contractId] : [])), m.contractId, who, CLIENT_OWNS),
  }),

  // Contracts
  "contract.list": procedure({ suspended: "allowed", allowed: MEMBERS, call: (c) => c.contract.list(), check: (list, { who, m }) => shows(ids(list), m.contractId, who, PARTIES) }),
  "contract.get": procedure({
    suspended: "allowed",
    allowed: MEMBERS,
    owner: PARTIES,
    setup: async (m) => ({ contractId: m.contractId }),
    call: (c, s) => c.contract.get(s),
    check: (page, { who }) => expect(page.viewerRole).toBe(ROLE[who]),
  }),
  "contract.hireQuote": procedure({ suspended: "allowed", allowed: CLIENTS, owner: CLIENT_OWNS, setup: async (m) => ({ proposalId: m.proposalId }), call: (c, s) => c.contract.hireQuote(s) }),
  "contract.clientFeeQuote": procedure({ suspended: "allowed", allowed: CLIENTS, call: (c) => c.contract.clientFeeQuote({ amountsMinor: [10_000n] }) }),
  "contract.hire": procedure({
    suspended: "refused",
    allowed: CLIENTS,
    owner: CLIENT_OWNS,
    setup: async (m) => ({ proposalId: await m.make.proposal() }),
    call: (c, s) => c.contract.hire({ ...s, idempotencyKey: key(), terms: { type: "FIXED", milestones: [{ title: "All of it", amountMinor: 90_000n }] } }),
    check: (contract) => expect(contract.status).toBe("OFFERED"),
  }),
  "contract.offerTarget": procedure({ suspended: "allowed", allowed: CLIENTS, call: (c, _, m) => c.contract.offerTarget({ freelancerId: m.users.freelancer.id }) }),
  "contract.offerCandidates": procedure({
    suspended: "allowed",
    allowed: CLIENTS,
    call: (c) => c.contract.offerCandidates({}),
    // Only the people this client has dealt with; never anyone's email.
    check: (list) => list.forEach((candidate) => expect(candidate).not.toHaveProperty("email")),
  }),
  "contract.offer": procedure({
    suspended: "refused",
    allowed: CLIENTS,
    call: (c, _, m) =>
      c.contract.offer({ idempotencyKey: key(), freelancerId: m.users.freelancer.id, title: "Direct offer", terms: { type: "FIXED", milestones: [{ title: "Logo", amountMinor: 10_000n }] } }),
  }),
  "contract.accept": procedure({
    suspended: "refused",
    allowed: FREELANCERS,
    owner: FREELANCER_OWNS,
    setup: async (m) => ({ contractId: (await m.make.offer()).contractId }),
    call: (c, s) => c.contract.accept({ ...s, idempotencyKey: key() }),
    check: (contract) => expect(contract.status).toBe("ACTIVE"),
  }),
  "contract.decline": procedure({
    suspended: "allowed",
    allowed: FREELANCERS,
    owner: FREELANCER_OWNS,
    setup: async (m) => ({ contractId: (await m.make.offer()).contractId }),
    call: (c, s) => c.contract.decline({ ...s, idempotencyKey: key() }),
    check: (contract) => expect(contract.status).toBe("DECLINED"),
  }),
  "contract.end": procedure({
    suspended: "allowed",
    allowed: MEMBERS,
    owner: PARTIES,
    setup: async (m) => ({ contractId: (await m.make.activeContract()).contractId }),
    call: (c, s) => c.contract.end({ ...s, idempotencyKey: key(), reason: "Done for now" }),
    check: (contract) => expect(contract.status).toBe("ENDED"),
  }),
  "contract.bonusQuote": procedure({
    suspended: "allowed",
    allowed: CLIENTS,
    owner: CLIENT_OWNS,
    setup: async (m) => ({ contractId: m.contractId, amountMinor: 1_000n }),
    call: (c, s) => c.contract.bonusQuote(s),
  }),
  "contract.payBonus": procedure({
    suspended: "refused",
    allowed: CLIENTS,
    owner: CLIENT_OWNS,
    setup: async (m) => ({ contractId: m.contractId, amountMinor: 1_000n }),
    call: (c, s) => c.contract.payBonus({ ...s, idempotencyKey: key() }),
  }),

  // Milestones and hourly work
  "milestone.add": procedure({
    suspended: "refused",
    allowed: CLIENTS,
    owner: CLIENT_OWNS,
    setup: async (m) => ({ contractId: m.contractId }),
    call: (c, s) => c.milestone.add({ ...s, idempotencyKey: key(), milestone: { title: "More", amountMinor: 10_000n } }),
  }),
  "milestone.fund": procedure({
    suspended: "refused",
    allowed: CLIENTS,
    owner: CLIENT_OWNS,
    setup: async (m) => ({ milestoneId: await m.make.milestone("created") }),
    call: (c, s) => c.milestone.fund({ ...s, idempotencyKey: key() }),
    check: (milestone) => expect(milestone.status).toBe("FUNDED"),
  }),
  "milestone.submit": procedure({
    suspended: "refused",
    allowed: FREELANCERS,
    owner: FREELANCER_OWNS,
    setup: async (m) => ({ milestoneId: await m.make.milestone("funded") }),
    call: (c, s) => c.milestone.submit({ ...s, idempotencyKey: key(), note: "Here it is" }),
    check: (milestone) => expect(milestone.status).toBe("SUBMITTED"),
  }),
  "milestone.approve": procedure({
    suspended: "allowed",
    allowed: CLIENTS,
    owner: CLIENT_OWNS,
    setup: async (m) => ({ milestoneId: await m.make.milestone("submitted") }),
    call: (c, s) => c.milestone.approve({ ...s, idempotencyKey: key() }),
    check: (milestone) => expect(milestone.status).toBe("APPROVED"),
  }),
  "milestone.requestChanges": procedure({
    suspended: "allowed",
    allowed: CLIENTS,
    owner: CLIENT_OWNS,
    setup: async (m) => ({ milestoneId: await m.make.milestone("submitted") }),
    call: (c, s) => c.milestone.requestChanges({ ...s, idempotencyKey: key(), message: "A bigger logo, please" }),
    check: (milestone) => expect(milestone.status).toBe("CHANGES_REQUESTED"),
  }),
  "milestone.refund": procedure({
    suspended: "allowed",
    allowed: FREELANCERS,
    owner: FREELANCER_OWNS,
    setup: async (m) => ({ milestoneId: await m.make.milestone("funded") }),
    call: (c, s) => c.milestone.refund({ ...s, idempotencyKey: key() }),
    check: (milestone) => expect(milestone.status).toBe("REFUNDED"),
  }),
  "milestone.requestRefund": procedure({
    suspended: "allowed",
    allowed: CLIENTS,
    owner: CLIENT_OWNS,
    setup: async (m) => ({ milestoneId: await m.make.milestone("funded") }),
    call: (c, s) => c.milestone.requestRefund({ ...s, idempotencyKey: key(), reason: "Plans changed" }),
    check: (milestone) => expect(milestone.status).toBe("REFUND_REQUESTED"),
  }),
  "milestone.withdrawRefundRequest": procedure({
    suspended: "allowed",
    allowed: CLIENTS,
    owner: CLIENT_OWNS,
    setup: async (m) => ({ milestoneId: await m.make.milestone("refund_requested") }),
    call: (c, s) => c.milestone.withdrawRefundRequest({ ...s, idempotencyKey: key() }),
    check: (milestone) => expect(milestone.status).toBe("FUNDED"),
  }),
  "milestone.dispute": procedure({
    suspended: "refused",
    allowed: MEMBERS,
    owner: PARTIES,
    setup: async (m) => ({ milestoneId: await m.make.milestone("submitted") }),
    call: (c, s) => c.milestone.dispute({ ...s, idempotencyKey: key(), reason: "Not as agreed", statement: "The logo is missing.", links: ["https://example.com/brief"] }),
    check: (opened) => expect(opened).toMatchObject({ status: "OPEN", targetStatus: "DISPUTED", amountMinor: 20_000n }),
  }),

  // Disputes: the parties, and the mediating admins
  "dispute.get": procedure({
    suspended: "allowed",
    allowed: "signed-in",
    owner: ["client", "freelancer", "admin"],
    setup: async (m) => ({ disputeId: await m.make.dispute() }),
    call: (c, s) => c.dispute.get(s),
    check: (view, { who }) => expect(view.viewerSide).toBe(who),
  }),
  "dispute.previewDivision": procedure({
    suspended: "allowed",
    allowed: "signed-in",
    owner: ["client", "freelancer", "admin"],
    setup: async (m) => ({ disputeId: await m.make.dispute(), releaseMinor: 5_000n }),
    call: (c, s) => c.dispute.previewDivision(s),
    check: (preview) => expect(preview).toMatchObject({ releaseMinor: 5_000n, refundMinor: 15_000n, clientRefundMinor: 15_450n }),
  }),
  "dispute.addStatement": procedure({
    suspended: "refused",
    allowed: "signed-in",
    owner: ["client", "freelancer", "admin"],
    setup: async (m) => ({ disputeId: await m.make.dispute() }),
    call: (c, s) => c.dispute.addStatement({ ...s, idempotencyKey: key(), text: "Here is what happened.", links: [] }),
  }),
  "dispute.propose": procedure({
    suspended: "refused",
    allowed: MEMBERS,
    owner: PARTIES,
    setup: async (m) => ({ disputeId: await m.make.dispute() }),
    call: (c, s) => c.dispute.propose({ ...s, idempotencyKey: key(), releaseMinor: 10_000n }),
  }),
  "dispute.acceptProposal": procedure({
    suspended: "refused",
    allowed: MEMBERS,
    owner: PARTIES,
    // The other side made the proposal: each party accepts the other's.
    setup: async (m, who) => ({ disputeId: await m.make.dispute({ proposal: 12_000n, proposer: who === "freelancer" ? "client" : "freelancer" }) }),
    call: (c, s) => c.dispute.acceptProposal({ ...s, idempotencyKey: key(), releaseMinor: 12_000n }),
    check: (closed) => expect(closed).toMatchObject({ status: "SETTLED", outcome: "SPLIT", releasedMinor: 12_000n, refundedMinor: 8_000n }),
  }),
  "dispute.withdraw": procedure({
    suspended: "allowed",
    allowed: MEMBERS,
    owner: PARTIES,
    // Only the side that opened a dispute withdraws it: each party withdraws their own.
    setup: async (m, who) => ({ disputeId: await m.make.dispute({ opener: who === "freelancer" ? "freelancer" : "client" }) }),
    call: (c, s) => c.dispute.withdraw({ ...s, idempotencyKey: key() }),
    check: (withdrawn) => expect(withdrawn).toMatchObject({ status: "WITHDRAWN", targetStatus: "SUBMITTED" }),
  }),

  "hourly.logTime": procedure({
    suspended: "refused",
    allowed: FREELANCERS,
    owner: FREELANCER_OWNS,
    setup: async (m) => ({ contractId: m.hourlyContractId }),
    call: (c, s) => c.hourly.logTime({ ...s, idempotencyKey: key(), workedOn: T0, minutes: 30, memo: "Support" }),
  }),
  "hourly.dispute": procedure({
    suspended: "allowed",
    allowed: CLIENTS,
    owner: CLIENT_OWNS,
    setup: async (m) => ({ weekId: m.invoicedWeekId }),
    call: (c, s) => c.hourly.dispute({ ...s, idempotencyKey: key(), reason: "Two hours seems too many" }),
    check: (week) => expect(week.status).toBe("DISPUTED"),
  }),

  // Earnings and payouts
  "earnings.get": procedure({
    suspended: "allowed",
    allowed: FREELANCERS,
    call: (c) => c.earnings.get(),
    check: (earnings, { who }) => {
      if (who === "freelancer") expect(earnings.balances.availableMinor).toBeGreaterThan(0n);
      else expect(earnings.history.events).toEqual([]);
    },
  }),
  "earnings.billings": procedure({
    suspended: "allowed",
    allowed: FREELANCERS,
    call: (c) => c.earnings.billings(),
    check: (billings, { who, m }) => shows(billings.map((row) => row.clientId), m.users.client.id, who, ["freelancer"]),
  }),
  "earnings.byWeek": procedure({
    suspended: "allowed",
    allowed: FREELANCERS,
    call: (c) => c.earnings.byWeek(),
    check: (weeks, { who }) => expect(weeks.some((week) => week.netMinor > 0n)).toBe(who === "freelancer"),
  }),
  "payout.overview": procedure({ suspended: "allowed", allowed: FREELANCERS, call: (c) => c.payout.overview(), check: (overview, { who, m }) => onlyOwn(m, who, "payoutMethod", ids(overview.methods)) }),
  "payout.addMethod": procedure({ suspended: "refused", allowed: FREELANCERS, call: (c) => c.payout.addMethod({ idempotencyKey: key(), kind: "ACH", account: "000123456789", label: "Bank" }) }),
  "payout.quote": procedure({
    suspended: "allowed",
    allowed: FREELANCERS,
    owner: FREELANCER_OWNS,
    setup: async (m) => ({ payoutMethodId: m.payoutMethods.freelancer, amountMinor: 1_000n }),
    call: (c, s) => c.payout.quote(s),
  }),
  "payout.withdraw": procedure({
    suspended: "allowed",
    allowed: FREELANCERS,
    owner: FREELANCER_OWNS,
    setup: async (m) => ({ payoutMethodId: m.payoutMethods.freelancer, amountMinor: 1_000n }),
    call: (c, s) => c.payout.withdraw({ ...s, idempotencyKey: key() }),
    check: (withdrawal) => expect(withdrawal.status).toBe("SENT"),
  }),
  "payout.setAuto": procedure({
    suspended: "allowed",
    allowed: FREELANCERS,
    owner: FREELANCER_OWNS,
    setup: async (m) => ({ payoutMethodId: m.payoutMethods.freelancer }),
    call: (c, s) => c.payout.setAuto({ ...s, schedule: "MONTHLY", thresholdMinor: 20_000n }),
  }),

  // Admin console (any admin; people and objects are found by id)
  "admin.settings.list": procedure({ allowed: ADMINS, call: (c) => c.admin.settings.list() }),
  "admin.settings.history": procedure({ allowed: ADMINS, call: (c) => c.admin.settings.history({ key: "connectPriceMinor" }) }),
  "admin.settings.impact": procedure({ allowed: ADMINS, call: (c) => c.admin.settings.impact({ key: "connectPriceMinor", value: 20n, effectiveFrom: null }) }),
  "admin.settings.change": procedure({
    allowed: ADMINS,
    call: (c) => c.admin.settings.change({ idempotencyKey: key(), key: "boostSlots", value: 4, effectiveFrom: null, reason: "Try four slots" }),
  }),
  "admin.people.list": procedure({ allowed: ADMINS, call: (c) => c.admin.people.list({}) }),
  "admin.people.get": procedure({ allowed: ADMINS, call: (c, _, m) => c.admin.people.get({ userId: m.users.freelancer.id }) }),
  "admin.people.grantConnects": procedure({
    allowed: ADMINS,
    call: (c, _, m) => c.admin.people.grantConnects({ idempotencyKey: key(), freelancerId: m.users.freelancer.id, connects: 5, reason: "Goodwill" }),
  }),
  "admin.people.revokeConnects": procedure({
    allowed: ADMINS,
    call: (c, _, m) => c.admin.people.revokeConnects({ idempotencyKey: key(), freelancerId: m.users.freelancer.id, connects: 1, reason: "Granted twice" }),
  }),
  "admin.people.awardRisingTalent": procedure({
    allowed: ADMINS,
    setup: async (m) => ({ freelancerId: (await m.make.freelancer()).id }),
    call: (c, s) => c.admin.people.awardRisingTalent({ ...s, idempotencyKey: key(), reason: "Great start" }),
  }),
  "admin.people.suspend": procedure({
    allowed: ADMINS,
    setup: async (m) => ({ userId: (await m.make.freelancer()).id }),
    call: (c, s) => c.admin.people.suspend({ ...s, idempotencyKey: key(), reason: "Fake reviews" }),
  }),
  // Suspension (issue 19, economy.md §5.3): an admin holds or releases a freelancer's payouts.
  "admin.people.holdPayouts": procedure({
    allowed: ADMINS,
    setup: async (m) => ({ userId: (await m.make.freelancer()).id }),
    call: (c, s) => c.admin.people.holdPayouts({ ...s, idempotencyKey: key(), reason: "Chargebacks under review" }),
    check: (hold) => expect(hold.payoutsHeldReason).toBe("Chargebacks under review"),
  }),
  "admin.people.releasePayouts": procedure({
    allowed: ADMINS,
    setup: async (m) => {
      const userId = (await m.make.freelancer()).id;
      await m.as.admin.admin.people.holdPayouts({ idempotencyKey: key(), userId, reason: "Chargebacks under review" });
      return { userId };
    },
    call: (c, s) => c.admin.people.releasePayouts({ ...s, idempotencyKey: key(), reason: "Cleared up" }),
    check: (hold) => expect(hold.payoutsHeldAt).toBeNull(),
  }),
  "admin.people.createAdmin": procedure({
    allowed: ADMINS,
    call: (c) => c.admin.people.createAdmin({ idempotencyKey: key(), email: `${key("admin")}@fairlance.test`, name: "New Admin", initialPassword: "a long initial passphrase", reason: "Joins the support team" }),
    check: (created) => expect(created.role).toBe("ADMIN"),
  }),
  "admin.people.endSessions": procedure({
    allowed: ADMINS,
    setup: async (m) => ({ userId: (await m.make.freelancer()).id }),
    call: (c, s) => c.admin.people.endSessions({ ...s, idempotencyKey: key(), reason: "Stolen session" }),
    check: (ended) => expect(ended.sessionVersion).toBe(1),
  }),
  "admin.people.unsuspend": procedure({
    allowed: ADMINS,
    setup: async (m) => {
      const userId = (await m.make.freelancer()).id;
      await m.as.admin.admin.people.suspend({ idempotencyKey: key(), userId, reason: "Fake reviews" });
      return { userId };
    },
    call: (c, s) => c.admin.people.unsuspend({ ...s, idempotencyKey: key(), reason: "Cleared up" }),
  }),
  "admin.moderation.jobs": procedure({ allowed: ADMINS, call: (c) => c.admin.moderation.jobs({}) }),
  "admin.moderation.removeJob": procedure({
    allowed: ADMINS,
    setup: async (m) => ({ jobId: await m.make.job() }),
    call: (c, s) => c.admin.moderation.removeJob({ ...s, idempotencyKey: key(), reason: "Scam job" }),
    check: (job) => expect(job.status).toBe("REMOVED"),
  }),
  "admin.moderation.flagged": procedure({ allowed: ADMINS, call: (c) => c.admin.moderation.flagged({}) }),
  "admin.moderation.reviewFlag": procedure({
    allowed: ADMINS,
    setup: async (m) => {
      const sent = await m.as.freelancer.message.send({ proposalId: m.proposalId, idempotencyKey: key(), body: "Pay me in crypto and we skip the fees" });
      expect(sent.flags).not.toEqual([]);
      return { messageId: sent.messageId };
    },
    call: (c, s) => c.admin.moderation.reviewFlag({ ...s, idempotencyKey: key(), reason: "Warned the freelancer" }),
  }),
  "admin.moderation.removeMessage": procedure({
    allowed: ADMINS,
    setup: flaggedFromNewcomer,
    call: (c, s) => c.admin.moderation.removeMessage({ ...s, idempotencyKey: key(), reason: "Asks for crypto" }),
    check: (removed) => expect(removed.removedAt).toBeInstanceOf(Date),
  }),
  "admin.moderation.warnSender": procedure({
    allowed: ADMINS,
    setup: flaggedFromNewcomer,
    call: (c, s) => c.admin.moderation.warnSender({ ...s, idempotencyKey: key(), reason: "Asks for crypto" }),
    check: (warning) => expect(warning.warnings).toBe(1),
  }),
  "admin.moderation.suspendSender": procedure({
    allowed: ADMINS,
    setup: flaggedFromNewcomer,
    call: (c, s) => c.admin.moderation.suspendSender({ ...s, idempotencyKey: key(), reason: "Asks for crypto" }),
    check: (suspended) => expect(suspended.suspendedReason).toBe("Asks for crypto"),
  }),
  "admin.ledger.transfers": procedure({ allowed: ADMINS, call: (c) => c.admin.ledger.transfers({}) }),
  "admin.ledger.connectEntries": procedure({ allowed: ADMINS, call: (c) => c.admin.ledger.connectEntries({}) }),
  "admin.ledger.checkInvariants": procedure({ allowed: ADMINS, call: (c) => c.admin.ledger.checkInvariants(), check: (report) => expect(report.ok).toBe(true) }),
  "admin.ledger.invariantChecks": procedure({
    allowed: ADMINS,
    call: (c) => c.admin.ledger.invariantChecks(),
    check: (list) => expect(list.checks.map((check) => check.id)).toContain("7.6-lots"),
  }),
  "admin.ledger.runInvariantCheck": procedure({
    allowed: ADMINS,
    call: (c) => c.admin.ledger.runInvariantCheck({ id: "7.6-lots" }),
    check: (result) => expect(result).toMatchObject({ id: "7.6-lots", ok: true, violationCount: 0 }),
  }),
  "admin.ledger.revenue": procedure({ allowed: ADMINS, call: (c) => c.admin.ledger.revenue({}) }),
  "admin.ledger.gatewayFollowUp": procedure({ allowed: ADMINS, call: (c) => c.admin.ledger.gatewayFollowUp() }),
  "admin.ledger.reconcile": procedure({ allowed: ADMINS, call: (c) => c.admin.ledger.reconcile({}), check: (run) => expect(run.id).toBeTypeOf("bigint") }),
  "admin.disputes.list": procedure({
    allowed: ADMINS,
    setup: async (m) => ({ disputeId: await m.make.dispute() }),
    call: (c) => c.admin.disputes.list(),
    check: (queue, { state }) => expect(queue.map((row) => row.id)).toContain(state.disputeId),
  }),
  "admin.disputes.decide": procedure({
    allowed: ADMINS,
    setup: async (m) => ({ disputeId: await m.make.dispute() }),
    call: (c, s) => c.admin.disputes.decide({ ...s, idempotencyKey: key(), outcome: "split", releaseMinor: 15_000n, reason: "Most of the work was delivered." }),
    check: (closed) => expect(closed).toMatchObject({ status: "DECIDED", outcome: "SPLIT", releasedMinor: 15_000n, refundedMinor: 5_000n }),
  }),
  "admin.audit.search": procedure({ allowed: ADMINS, call: (c) => c.admin.audit.search({}) }),
  "admin.runs.list": procedure({ allowed: ADMINS, call: (c) => c.admin.runs.list({}) }),

  // Feedback (economy.md §10): on ended contracts that paid; blind until both sides or the window's close.
  "feedback.leave": procedure({
    suspended: "refused",
    allowed: MEMBERS,
    owner: PARTIES,
    setup: async (m, who) => ({ contractId: await endedPaidContract(m), ...starsOf(who) }),
    call: (c, s) => c.feedback.leave({ ...s, idempotencyKey: key(), comment: "Good work, clear communication." }),
    check: (left) => expect(left.revealedAt).toBeNull(),
  }),
  "feedback.edit": procedure({
    suspended: "refused",
    allowed: MEMBERS,
    owner: PARTIES,
    setup: async (m, who) => {
      const contractId = await endedPaidContract(m);
      const { feedbackId } = await m.as[who].feedback.leave({ contractId, idempotencyKey: key(), comment: "Good work, clear communication.", ...starsOf(who) });
      return { feedbackId, ...starsOf(who) };
    },
    call: (c, s) => c.feedback.edit({ ...s, idempotencyKey: key(), comment: "Even better than I first wrote." }),
  }),
  "feedback.reply": procedure({
    suspended: "refused",
    allowed: MEMBERS,
    owner: PARTIES,
    setup: async (m, who) => {
      const { aboutClient, aboutFreelancer } = await revealedFeedback(m);
      return { feedbackId: who === "client" ? aboutClient : aboutFreelancer };
    },
    call: (c, s) => c.feedback.reply({ ...s, idempotencyKey: key(), reply: "Thank you for the kind words." }),
  }),
  "feedback.forContract": procedure({
    suspended: "allowed",
    allowed: MEMBERS,
    owner: PARTIES,
    setup: async (m) => ({ contractId: m.contractId }),
    call: (c, s) => c.feedback.forContract(s),
    check: (page) => expect(page.status).toBe("Feedback opens when the contract ends."),
  }),
  "feedback.toLeave": procedure({ suspended: "allowed", allowed: MEMBERS, call: (c) => c.feedback.toLeave() }),
  // Revealed feedback is public: a freelancer's reputation, like their profile, is for anyone.
  "feedback.reputation": procedure({
    allowed: "anyone",
    call: (c, _, m) => c.feedback.reputation({ userId: m.users.freelancer.id }),
    check: (reputation, { m }) => expect(reputation.person.id).toBe(m.users.freelancer.id),
  }),
  "admin.feedback.list": procedure({
    allowed: ADMINS,
    setup: async (m) => ({ feedbackId: (await revealedFeedback(m)).aboutFreelancer }),
    call: (c) => c.admin.feedback.list({}),
    check: (list, { state }) => expect(list.rows.map((row) => row.id)).toContain(state.feedbackId),
  }),
  "admin.feedback.hide": procedure({
    allowed: ADMINS,
    setup: async (m) => ({ feedbackId: (await revealedFeedback(m)).aboutFreelancer }),
    call: (c, s) => c.admin.feedback.hide({ ...s, idempotencyKey: key(), reason: "Personal details" }),
    check: (hidden) => expect(hidden.hiddenAt).toBeInstanceOf(Date),
  }),
  "admin.feedback.unhide": procedure({
    allowed: ADMINS,
    setup: async (m) => {
      const { aboutFreelancer: feedbackId } = await revealedFeedback(m);
      await m.as.admin.admin.feedback.hide({ feedbackId, idempotencyKey: key(), reason: "Personal details" });
      return { feedbackId };
    },
    call: (c, s) => c.admin.feedback.unhide({ ...s, idempotencyKey: key(), reason: "Checked again, nothing wrong" }),
    check: (shown) => expect(shown.hiddenAt).toBeNull(),
  }),
  // Profiles (issue 15): a freelancer's profile is public; a client's is for anyone signed in;
  // each person edits only their own, and an entry of another person is not found.
  "profile.freelancer": procedure({
    allowed: "anyone",
    call: (c, _s, m) => c.profile.freelancer({ freelancerId: m.users.freelancer.id }),
    check: (page, { who }) => {
      expect(page.name).toBe("Fran");
      expect(page.completeness === null).toBe(who !== "freelancer");
    },
  }),
  "profile.client": procedure({
    suspended: "allowed",
    allowed: "signed-in",
    call: (c, _s, m) => c.profile.client({ clientId: m.users.client.id }),
    check: (page, { who }) => expect(page).toMatchObject({ name: "Carol", isOwner: who === "client" }),
  }),
  "profile.mine": procedure({ suspended: "allowed", allowed: MEMBERS, call: (c) => c.profile.mine(), check: (mine, { who }) => expect(mine.role).toBe(ROLE[who]) }),
  "profile.updateFreelancer": procedure({
    suspended: "refused",
    allowed: FREELANCERS,
    call: (c) =>
      c.profile.updateFreelancer({ title: "Web developer", overview: "", skills: ["React"], hourlyRateMinor: 5_000n, availability: "FULL_TIME", location: "", timeZone: "UTC", languages: [] }),
    check: (profile, { who, m }) => expect(profile).toMatchObject({ userId: idOf(m, who), title: "Web developer" }),
  }),
  "profile.updateClient": procedure({
    suspended: "refused",
    allowed: CLIENTS,
    call: (c) => c.profile.updateClient({ companyName: "Matrix Ltd", description: "", location: "" }),
    check: (profile, { who, m }) => expect(profile).toMatchObject({ userId: idOf(m, who), companyName: "Matrix Ltd" }),
  }),
  "profile.addPortfolioItem": procedure({
    suspended: "refused",
    allowed: FREELANCERS,
    call: (c) => c.profile.addPortfolioItem({ idempotencyKey: key(), title: "Matrix work", description: "", link: null }),
    check: (item) => expect(item.title).toBe("Matrix work"),
  }),
  "profile.updatePortfolioItem": procedure({
    suspended: "refused",
    allowed: FREELANCERS,
    owner: "self",
    setup: (m, who) => portfolioItemOf(m, who),
    call: (c, s) => c.profile.updatePortfolioItem({ ...s, title: "Renamed", description: "", link: "https://example.com" }),
    check: (item) => expect(item.title).toBe("Renamed"),
  }),
  "profile.removePortfolioItem": procedure({
    suspended: "refused",
    allowed: FREELANCERS,
    owner: "self",
    setup: (m, who) => portfolioItemOf(m, who),
    call: (c, s) => c.profile.removePortfolioItem(s),
    check: (removed, { state }) => expect(removed).toEqual(state),
  }),
  "profile.removePortfolioImage": procedure({
    suspended: "refused",
    allowed: FREELANCERS,
    owner: "self",
    setup: (m, who) => portfolioItemOf(m, who),
    call: (c, s) => c.profile.removePortfolioImage(s),
    check: (item) => expect(item.imageUrl).toBeNull(),
  }),
  "profile.reorderPortfolio": procedure({
    suspended: "refused",
    allowed: FREELANCERS,
    owner: "self",
    setup: async (m, who) => {
      await portfolioItemOf(m, who);
      const mine = await m.as[who].profile.mine();
      return { portfolioItemIds: mine.role === "FREELANCER" ? mine.freelancer.portfolio.map((item) => item.id).reverse() : [] };
    },
    call: (c, s) => c.profile.reorderPortfolio(s),
    check: (items, { state }) => expect(items.map((item) => item.portfolioItemId)).toEqual(state.portfolioItemIds),
  }),
  "profile.addEmployment": procedure({
    suspended: "refused",
    allowed: FREELANCERS,
    call: (c) => c.profile.addEmployment({ idempotencyKey: key(), employment: MATRIX_JOB }),
    check: (entry) => expect(entry.company).toBe(MATRIX_JOB.company),
  }),
  "profile.updateEmployment": procedure({
    suspended: "refused",
    allowed: FREELANCERS,
    owner: "self",
    setup: async (m, who) => ({ employmentId: (await m.as[who].profile.addEmployment({ idempotencyKey: key(), employment: MATRIX_JOB })).employmentId }),
    call: (c, s) => c.profile.updateEmployment({ ...s, employment: { ...MATRIX_JOB, toMonth: "2025-01" } }),
    check: (entry) => expect(entry.toMonth).toBe("2025-01"),
  }),
  "profile.removeEmployment": procedure({
    suspended: "refused",
    allowed: FREELANCERS,
    owner: "self",
    setup: async (m, who) => ({ employmentId: (await m.as[who].profile.addEmployment({ idempotencyKey: key(), employment: MATRIX_JOB })).employmentId }),
    call: (c, s) => c.profile.removeEmployment(s),
    check: (removed, { state }) => expect(removed).toEqual(state),
  }),
  "profile.addEducation": procedure({
    suspended: "refused",
    allowed: FREELANCERS,
    call: (c) => c.profile.addEducation({ idempotencyKey: key(), education: MATRIX_SCHOOL }),
    check: (entry) => expect(entry.school).toBe(MATRIX_SCHOOL.school),
  }),
  "profile.updateEducation": procedure({
    suspended: "refused",
    allowed: FREELANCERS,
    owner: "self",
    setup: async (m, who) => ({ educationId: (await m.as[who].profile.addEducation({ idempotencyKey: key(), education: MATRIX_SCHOOL })).educationId }),
    call: (c, s) => c.profile.updateEducation({ ...s, education: { ...MATRIX_SCHOOL, toYear: null } }),
    check: (entry) => expect(entry.toYear).toBeNull(),
  }),
  "profile.removeEducation": procedure({
    suspended: "refused",
    allowed: FREELANCERS,
    owner: "self",
    setup: async (m, who) => ({ educationId: (await m.as[who].profile.addEducation({ idempotencyKey: key(), education: MATRIX_SCHOOL })).educationId }),
    call: (c, s) => c.profile.removeEducation(s),
    check: (removed, { state }) => expect(removed).toEqual(state),
  }),
  "profile.setAvatar": procedure({
    suspended: "refused",
    allowed: MEMBERS,
    call: async (c) => c.profile.setAvatar(await imageForm({}, 300, 300)),
    check: (avatar) => expect(avatar.avatarUrl).toMatch(/^\/files\/images\//),
  }),
  "profile.removeAvatar": procedure({ suspended: "refused", allowed: MEMBERS, call: (c) => c.profile.removeAvatar(), check: (avatar) => expect(avatar.avatarUrl).toBeNull() }),
  "profile.setPortfolioImage": procedure({
    suspended: "refused",
    allowed: FREELANCERS,
    owner: "self",
    setup: (m, who) => portfolioItemOf(m, who),
    call: async (c, s) => c.profile.setPortfolioImage(await imageForm(s, 800, 600)),
    check: (item) => expect(item.imageUrl).toMatch(/^\/files\/images\//),
  }),
  // Reputation (issue 15): talent search, invitations answered, saved jobs and freelancers
  "talent.search": procedure({
    suspended: "allowed",
    allowed: ["CLIENT", "ADMIN"],
    call: (c) => c.talent.search({}),
    check: (found) => expect(found.total).toBeGreaterThan(0),
  }),
  "invitation.mine": procedure({
    suspended: "allowed",
    allowed: FREELANCERS,
    setup: async (m, who) => {
      const jobId = await m.make.job();
      await m.as.client.job.invite({ jobId, freelancerId: idOf(m, who), idempotencyKey: key(), message: "Would you apply?" });
      return { jobId };
    },
    call: (c) => c.invitation.mine({}),
    check: (mine, { state }) => expect(mine.invitations.map((invitation) => invitation.job.id)).toContain(state.jobId),
  }),
  "invitation.decline": procedure({
    suspended: "allowed",
    allowed: FREELANCERS,
    owner: FREELANCER_OWNS,
    setup: async (m) => {
      const jobId = await m.make.job();
      const { invitationId } = await m.as.client.job.invite({ jobId, freelancerId: m.users.freelancer.id, idempotencyKey: key(), message: "Would you apply?" });
      return { invitationId };
    },
    call: (c, s) => c.invitation.decline({ ...s, idempotencyKey: key(), reason: "Fully booked" }),
    check: (declined) => expect(declined).toMatchObject({ status: "DECLINED", declineReason: "Fully booked" }),
  }),
  "saved.saveJob": procedure({ suspended: "allowed", allowed: FREELANCERS, call: (c, _, m) => c.saved.saveJob({ jobId: m.jobId }), check: (saved) => expect(saved.saved).toBe(true) }),
  "saved.unsaveJob": procedure({ suspended: "allowed", allowed: FREELANCERS, call: (c, _, m) => c.saved.unsaveJob({ jobId: m.jobId }), check: (saved) => expect(saved.saved).toBe(false) }),
  "saved.jobs": procedure({ suspended: "allowed", allowed: FREELANCERS, call: (c) => c.saved.jobs(), check: (jobs) => expect(jobs).toBeInstanceOf(Array) }),
  "saved.saveFreelancer": procedure({
    suspended: "allowed",
    allowed: CLIENTS,
    call: (c, _, m) => c.saved.saveFreelancer({ freelancerId: m.users.freelancer.id }),
    check: (saved) => expect(saved.saved).toBe(true),
  }),
  "saved.unsaveFreelancer": procedure({
    suspended: "allowed",
    allowed: CLIENTS,
    call: (c, _, m) => c.saved.unsaveFreelancer({ freelancerId: m.users.freelancer.id }),
    check: (saved) => expect(saved.saved).toBe(false),
  }),
  "saved.freelancers": procedure({ suspended: "allowed", allowed: CLIENTS, call: (c) => c.saved.freelancers(), check: (saved) => expect(saved).toBeInstanceOf(Array) }),
  // Reports (issue 19 §2, economy.md §5.2): clients and freelancers report; admins decide. Each caller
  // reports a newcomer's profile of their own (one report per person per object).
  "report.create": procedure({
    suspended: "refused",
    allowed: MEMBERS,
    setup: async (m) => ({ objectId: (await m.make.freelancer()).id }),
    call: (c, s) => c.report.create({ objectKind: "PROFILE", objectId: s.objectId, reason: "misleading", note: "Claims work they did not do" }),
    check: (report) => expect(report.sentence).toBe("Reported — we'll tell you what we decide."),
  }),
  "report.mine": procedure({
    suspended: "allowed",
    allowed: MEMBERS,
    call: (c) => c.report.mine(),
    check: async (list, { who, m }) => expect(list).toHaveLength(await m.prisma.report.count({ where: { reporterId: idOf(m, who) } })),
  }),
  "report.queue": procedure({ allowed: ADMINS, call: (c) => c.report.queue(), check: (queue) => expect(queue).toBeInstanceOf(Array) }),
  "report.resolve": procedure({
    allowed: ADMINS,
    setup: async (m) => {
      const objectId = (await m.make.freelancer()).id;
      await m.prisma.report.create({ data: { reporterId: m.users.client.id, objectKind: "PROFILE", objectId, ownerId: objectId, reason: "spam", createdAt: T0 } });
      return { objectId };
    },
    call: (c, s) => c.report.resolve({ idempotencyKey: key(), objectKind: "PROFILE", objectId: s.objectId, action: "dismiss", reason: "Nothing against the rules" }),
    check: (resolved) => expect(resolved).toMatchObject({ outcome: "DISMISSED", reportsResolved: 1 }),
  }),
  // Notifications in the app (issue 16): everyone signed in has their own, and only their own.
  "notification.list": procedure({
    suspended: "allowed",
    allowed: "signed-in",
    owner: "self",
    // A page after one's own notification (the cursor); someone else's cursor is NOT_FOUND.
    setup: async (m, who) => {
      // A day of their own per pair: a person called twice (the suspended column) has two pairs, which must not interleave.
      const shift = (notificationPairs += 1) * 1;
      const older = await makeNotification(m.prisma, idOf(m, who), { createdAt: days(-1.7 - shift) });
      const newer = await makeNotification(m.prisma, idOf(m, who), { createdAt: days(-1.3 - shift) });
      return { cursor: newer.id, older: older.id };
    },
    call: (c, s) => c.notification.list({ cursor: s.cursor }),
    check: (page, { state }) => expect(page.items.map((item) => item.id)[0]).toBe(state.older),
  }),
  "notification.unreadCount": procedure({
    suspended: "allowed",
    allowed: "signed-in",
    call: (c) => c.notification.unreadCount(),
    check: async (count, { who, m }) => expect(count).toBe(await m.prisma.notification.count({ where: { userId: idOf(m, who), readAt: null } })),
  }),
  "notification.markRead": procedure({
    suspended: "allowed",
    allowed: "signed-in",
    owner: "self",
    setup: async (m, who) => ({ ids: [(await makeNotification(m.prisma, idOf(m, who))).id] }),
    call: (c, s) => c.notification.markRead(s),
    check: (marked) => expect(marked.marked).toBe(1),
  }),
  "notification.markAllRead": procedure({
    suspended: "allowed",
    allowed: "signed-in",
    setup: async (m, who) => makeNotification(m.prisma, idOf(m, who)),
    call: (c) => c.notification.markAllRead({}),
    check: (marked) => expect(marked).toMatchObject({ marked: expect.any(Number), unreadCount: 0 }),
  }),
  // Email (issue 16): each person's notification choices; an unsubscribe link is its own authority (anyone holding it); the demo mailbox is
  // every email of a demo server, to anyone (no SMTP_URL, not production: mailbox.test.ts checks the 404 elsewhere).
  "preferences.get": procedure({
    suspended: "allowed",
    allowed: "signed-in",
    call: (c) => c.preferences.get(),
    check: (rows) => expect(rows.map((row) => row.category)).toEqual([...NOTIFICATION_CATEGORIES]),
  }),
  "preferences.update": procedure({
    suspended: "allowed",
    allowed: "signed-in",
    call: (c) => c.preferences.update({ categories: [{ category: "connects", inApp: true, email: "OFF" }] }),
    check: (rows) => expect(rows.find((row) => row.category === "connects")).toMatchObject({ inApp: true, email: "OFF", isDefault: false }),
  }),
  "preferences.unsubscribeInfo": procedure({
    allowed: "anyone",
    setup: async (m) => ({ token: unsubscribeToken(m.users.freelancer.id, "payments") }),
    call: (c, s) => c.preferences.unsubscribeInfo(s),
    check: (view) => expect(view.categories).toEqual([expect.objectContaining({ category: "payments", mandatory: false })]),
  }),
  "mailbox.list": procedure({ allowed: "anyone", call: (c) => c.mailbox.list({}), check: (page) => expect(page).toMatchObject({ page: 1, pageSize: 25 }) }),
  "mailbox.get": procedure({
    allowed: "anyone",
    setup: async (m) => ({
      id: (
        await m.prisma.emailOutbox.create({
          data: { toAddress: m.users.freelancer.email, kind: "notification", dedupeKey: `matrix:${randomUUID()}`, subject: "Matrix email", text: "Hello.", html: "<p>Hello.</p>", nextAttemptAt: T0, createdAt: T0 },
          select: { id: true },
        })
      ).id,
    }),
    call: (c, s) => c.mailbox.get(s),
    check: (email, { state }) => expect(email).toMatchObject({ id: state.id, subject: "Matrix email", html: "<p>Hello.</p>" }),
  }),
};

/** A contract between the matrix's client and freelancer that paid (a released milestone) and that the client ended at T0. */
async function endedPaidContract(m: Marketplace): Promise<string> {
  const { contractId } = await earn(m.prisma, { clientId: m.users.client.id, freelancerId: m.users.freelancer.id, grossMinor: 10_000n, now: T0 });
  await m.as.client.contract.end({ contractId, idempotencyKey: key(), reason: "The work is done." });
  return contractId;
}
/** The stars a party gives: a client rates five facets of the freelancer, a freelancer three of the client. */
function starsOf(who: Who) {
  return who === "client"
    ? { overall: 5, facets: { skills: 5, quality: 5, communication: 5, deadlines: 5, cooperation: 5 } }
    : { overall: 4, facets: { clarity: 4, payment: 4, communication: 4 } };
}
/** An ended paid contract on which both sides left feedback (so it is revealed): each one's id. */
async function revealedFeedback(m: Marketplace): Promise<{ aboutClient: string; aboutFreelancer: string }> {
  const contractId = await endedPaidContract(m);
  const leave = (who: "client" | "freelancer") => m.as[who].feedback.leave({ contractId, idempotencyKey: key(), comment: "Good work, clear communication.", ...starsOf(who) });
  const { feedbackId: aboutFreelancer } = await leave("client");
  const { feedbackId: aboutClient } = await leave("freelancer");
  return { aboutClient, aboutFreelancer };
}

/** An upload's form: `fields` and a JPEG of `width` × `height` as its file. */
async function imageForm(fields: Record<string, string>, width: number, height: number) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", new Blob([(await makeTestImage({ format: "jpeg", width, height })) as Uint8Array<ArrayBuffer>], { type: "image/jpeg" }), "photo.jpg");
  return form;
}
// Uploaded images go to a folder of this run's own.
beforeAll(async () => setFileStoreForTests(new LocalFileStore(await mkdtemp(join(tmpdir(), "fairlance-matrix-files-")))));
afterAll(() => setFileStoreForTests(undefined));

/** A new portfolio item of the freelancer `who` (the profile cases that act on one). */
const portfolioItemOf = async (m: Marketplace, who: Who) => ({
  portfolioItemId: (await m.as[who].profile.addPortfolioItem({ idempotencyKey: key(), title: "Matrix item", description: "", link: null })).portfolioItemId,
});
const MATRIX_JOB = { company: "Matrix Inc", role: "Developer", fromMonth: "2020-01", toMonth: null, description: "" };
const MATRIX_SCHOOL = { school: "Matrix University", degree: "", fromYear: 2015, toYear: 2019 };

type Refusal = "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";
type Outcome = { ok: true; value: unknown } | { ok: false; code: string; message: string };

const settle = (call: () => Promise<unknown>): Promise<Outcome> =>
  call().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({
      ok: false as const,
      code: error instanceof TRPCError ? error.code : String((error as Error)?.name),
      message: String((error as Error)?.message),
    }),
  );

/** The fixed owners of the object a case acts on, if it names them. */
const ownersOf = (entry: AnyCase): readonly Who[] => (entry.owner === undefined || entry.owner === "self" ? [] : entry.owner);
const roleAllowed = (entry: AnyCase, role: Role) => entry.allowed === "anyone" || entry.allowed === "signed-in" || entry.allowed.includes(role);

/** Who succeeds (the first of them is whose object the refused callers try) and what everyone else gets. */
function planFor(entry: AnyCase): { allowed: Who[]; refused: [Who | "ghost", Refusal][] } {
  const refused: [Who | "ghost", Refusal][] = [];
  let allowed: Who[] = [];
  for (const who of PEOPLE) {
    const role = ROLE[who];
    if (role === null) {
      if (entry.allowed === "anyone") allowed.push(who);
      else refused.push([who, "UNAUTHORIZED"]);
    } else if (!roleAllowed(entry, role)) refused.push([who, "FORBIDDEN"]);
    else if (ownersOf(entry).length > 0 && !ownersOf(entry).includes(who)) refused.push([who, "NOT_FOUND"]);
    else allowed.push(who);
  }
  if (ownersOf(entry).length > 0) allowed = [...ownersOf(entry)];
  // Each caller acts on their own object; everyone else of an allowed role tries the first one's.
  if (entry.owner === "self") refused.push(...allowed.slice(1).map((who): [Who, Refusal] => [who, "NOT_FOUND"]));
  if (entry.allowed !== "anyone") refused.push(["ghost", "UNAUTHORIZED"]);
  return { allowed, refused };
}

const MESSAGES: Partial<Record<Who | "ghost", string>> = { anonymous: "Sign in to continue.", ghost: "Your session has ended. Sign in again." };

let db: TestDatabase;
let m: Marketplace;
beforeAll(async () => {
  db = await freshDatabase();
  await installQueueStandIn(db.prisma);
  m = await buildMarketplace(db.prisma);
}, 120_000);
afterAll(() => db.drop());

async function withEnv<T>(env: Record<string, string> | undefined, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env ?? {}).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    return await run();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

async function verify(path: string, entry: AnyCase) {
  const { allowed, refused } = planFor(entry);
  const first = allowed[0]!;
  const stateFor = (who: Who) => (entry.setup ? entry.setup(m, who) : Promise.resolve(undefined));
  const state = await stateFor(first);
  const before = await fingerprint(db.prisma);
  let missing: Outcome | undefined;
  for (const [who, code] of refused) {
    const outcome = await settle(() => entry.call(m.as[who], state, m));
    expect(outcome, `${path} as ${who}`).toMatchObject({ ok: false, code, ...(MESSAGES[who] ? { message: MESSAGES[who] } : {}) });
    if (code === "NOT_FOUND") {
      // Someone else's object is refused exactly like an id that exists nowhere.
      missing ??= await settle(() => entry.call(m.as[first], withMissingIds(state), m));
      expect(outcome, `${path} as ${who}, compared with a missing id`).toEqual(missing);
    }
  }
  expect(await fingerprint(db.prisma), `${path}: a refused call changed the database`).toEqual(before);
  // A suspended member of an allowed role is refused before anything happens (economy.md §5.3).
  const member = allowed.find((who) => ROLE[who] === "CLIENT" || ROLE[who] === "FREELANCER");
  if (entry.suspended === "refused" && member) {
    const own = member === first ? state : await stateFor(member);
    const { outcome, before, after } = await whileSuspended(member, async () => {
      const before = await fingerprint(db.prisma);
      const outcome = await settleCoded(() => entry.call(m.as[member], own, m));
      return { outcome, before, after: await fingerprint(db.prisma) };
    });
    expect(outcome, `${path} as a suspended ${member}`).toMatchObject({ ok: false, code: "FORBIDDEN", domainCode: "ACCOUNT_SUSPENDED" });
    expect(outcome.ok ? "" : outcome.message, `${path}: the sentence`).toMatch(/^Your account is suspended \(matrix review\), so you cannot [a-z].+[a-z]\.$/);
    expect(after, `${path}: a suspended caller changed the database`).toEqual(before);
  }
  for (const [index, who] of allowed.entries()) {
    const own = index === 0 ? state : await stateFor(who);
    const outcome = await settle(() => entry.call(m.as[who], own, m));
    expect(outcome, `${path} as ${who}`).toMatchObject({ ok: true });
    if (outcome.ok) await entry.check?.(outcome.value, { who, state: own, m });
  }
  // Allowed: the call succeeds, or (an object a case can use only once, an invoiced week) is refused exactly as without the suspension.
  if (entry.suspended === "allowed" && member) {
    const own = await stateFor(member);
    const outcome = await whileSuspended(member, () => settleCoded(() => entry.call(m.as[member], own, m)));
    if (outcome.ok) await entry.check?.(outcome.value, { who: member, state: own, m });
    else {
      expect(outcome.domainCode, `${path} as a suspended ${member}: ${outcome.message}`).not.toBe("ACCOUNT_SUSPENDED");
      expect(await settleCoded(() => entry.call(m.as[member], own, m)), `${path}: the same refusal without the suspension`).toEqual(outcome);
    }
  }
}

/** Runs `run` while `who` is suspended (set on the row alone: the matrix checks the policy, suspension.test.ts the cascade). */
async function whileSuspended<T>(who: Who, run: () => Promise<T>): Promise<T> {
  const id = idOf(m, who);
  await db.prisma.user.update({ where: { id }, data: { suspendedAt: T0, suspendedReason: "matrix review" } });
  try {
    return await run();
  } finally {
    await db.prisma.user.update({ where: { id }, data: { suspendedAt: null, suspendedReason: null } });
  }
}

const settleCoded = (call: () => Promise<unknown>) =>
  call().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({
      ok: false as const,
      code: error instanceof TRPCError ? error.code : String((error as Error)?.name),
      domainCode: (error as { cause?: { code?: unknown } })?.cause?.code,
      message: String((error as Error)?.message),
    }),
  );

const summary = (entry: AnyCase) =>
  typeof entry.allowed === "string"
    ? entry.allowed
    : `${entry.allowed.join(", ")}${entry.owner === "self" ? " (own object)" : entry.owner ? ` (owner: ${entry.owner.join(" or ")})` : ""}`;

describe("the authorization matrix", () => {
  it("lists every procedure of the app router, and nothing else", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  it("declares what a suspended member gets exactly where one may call, as the rules' suspension policy says", () => {
    const memberMayCall = (entry: AnyCase) => entry.allowed !== "anyone" && (entry.allowed === "signed-in" || entry.allowed.some((role) => role !== "ADMIN"));
    for (const [path, entry] of Object.entries(MATRIX)) {
      if (!memberMayCall(entry)) {
        expect(entry.suspended, `${path}: public or admin-only`).toBeUndefined();
        expect(suspensionExempt(path), `${path}: exempt from the policy`).toBe(true);
        continue;
      }
      expect(entry.suspended, `${path}: what a suspended member gets`).toBeDefined();
      expect(suspensionExempt(path), `${path} is not exempt`).toBe(false);
      expect(entry.suspended, `${path}: the policy`).toBe(suspensionRule(path).allowed ? "allowed" : "refused");
    }
    // Every entry of the policy is a procedure of the app router.
    for (const path of Object.keys(SUSPENSION_POLICY)) expect(Object.keys(appRouter._def.procedures), path).toContain(path);
  });

  it("names as owners only people whose role may call the procedure", () => {
    for (const [path, entry] of Object.entries(MATRIX)) {
      for (const owner of ownersOf(entry)) expect(roleAllowed(entry, ROLE[owner]!), `${path}: ${owner}`).toBe(true);
    }
  });

  for (const [path, entry] of Object.entries(MATRIX)) {
    it(`${path}: ${summary(entry)}`, () => withEnv(entry.env, () => verify(path, entry)));
  }
});

describe("beyond the matrix", () => {
  /** `attempt` is refused with `code` exactly as the same call on an id that exists nowhere, and changes nothing. */
  async function refusedLikeMissing<I>(code: Refusal, input: I, attempt: (input: I) => Promise<unknown>) {
    const before = await fingerprint(db.prisma);
    const outcome = await settle(() => attempt(input));
    expect(outcome).toMatchObject({ ok: false, code });
    expect(outcome).toEqual(await settle(() => attempt(withMissingIds(input))));
    expect(await fingerprint(db.prisma)).toEqual(before);
  }

  it("clock.advance refuses everyone, and moves nothing, unless the server runs with the demo flag", async () => {
    await withEnv({ FAIRLANCE_MOVABLE_CLOCK: "0" }, async () => {
      const before = await fingerprint(db.prisma);
      for (const who of PEOPLE) {
        const expected =
          who === "anonymous" ? { code: "UNAUTHORIZED" } : { code: "FORBIDDEN", message: "The clock only moves in a demo started with FAIRLANCE_MOVABLE_CLOCK=1." };
        await expect(m.as[who].clock.advance({ days: 1 }), who).rejects.toMatchObject(expected);
      }
      expect(await fingerprint(db.prisma)).toEqual(before);
    });
  });

  it("a freelancer's reputation is public; a client's is for people signed in, like their profile", async () => {
    await expect(m.as.anonymous.feedback.reputation({ userId: m.users.freelancer.id })).resolves.toMatchObject({ person: { id: m.users.freelancer.id } });
    await expect(m.as.anonymous.feedback.reputation({ userId: m.users.client.id })).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "Sign in to see a client's reviews." });
    await expect(m.as.freelancer.feedback.reputation({ userId: m.users.client.id })).resolves.toMatchObject({ person: { id: m.users.client.id } });
  });

  it("takes the role from the database: a session claiming another role is refused wherever the real role is", async () => {
    const forged = { freelancerClaimingAdmin: ["freelancer", "ADMIN"], clientClaimingFreelancer: ["client", "FREELANCER"] } as const;
    const attempts: { label: string; attempt: () => Promise<unknown> }[] = [];
    for (const [name, [real, claimed]] of Object.entries(forged)) {
      const caller = callerAt(db.prisma, { ...m.users[real], role: claimed });
      for (const [path, entry] of Object.entries(MATRIX)) {
        if (!roleAllowed(entry, claimed) || roleAllowed(entry, ROLE[real]!)) continue;
        const state = entry.setup ? await entry.setup(m, planFor(entry).allowed[0]!) : undefined;
        attempts.push({ label: `${path} as ${name}`, attempt: () => entry.call(caller, state, m) });
      }
    }
    const before = await fingerprint(db.prisma);
    for (const { label, attempt } of attempts) expect(await settle(attempt), label).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await fingerprint(db.prisma)).toEqual(before);
  });

  it("a request key is the caller's own: replaying the owner's key on their object is still refused", async () => {
    const milestoneId = await m.make.milestone("created");
    const idempotencyKey = key();
    await m.as.client.milestone.fund({ milestoneId, idempotencyKey });
    await refusedLikeMissing("NOT_FOUND", { milestoneId, idempotencyKey }, (input) => m.as.otherClient.milestone.fund(input));

    const withdrawal = { payoutMethodId: m.payoutMethods.freelancer, amountMinor: 1_000n, idempotencyKey: key() };
    await m.as.freelancer.payout.withdraw(withdrawal);
    await refusedLikeMissing("NOT_FOUND", withdrawal, (input) => m.as.otherFreelancer.payout.withdraw(input));
  });

  it("only the client releases escrow when a contract ends", async () => {
    const { contractId, milestoneIds } = await m.make.activeContract();
    await m.as.client.milestone.fund({ idempotencyKey: key(), milestoneId: milestoneIds[0]! });
    const ending = { contractId, reason: "Pay me what is in escrow", releaseEscrow: true };
    const before = await fingerprint(db.prisma);
    await expect(m.as.freelancer.contract.end({ ...ending, idempotencyKey: key() })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Only the client can release escrow to the freelancer.",
    });
    expect(await fingerprint(db.prisma)).toEqual(before);
    await expect(m.as.client.contract.end({ ...ending, idempotencyKey: key() })).resolves.toMatchObject({ status: "ENDED", released: [expect.objectContaining({ grossMinor: 100_000n })] });
  });

  it("a draft job does not exist for freelancers", async () => {
    const onDraft = { jobId: m.draftJobId };
    await refusedLikeMissing("NOT_FOUND", onDraft, (input) => m.as.freelancer.job.get(input));
    await refusedLikeMissing("NOT_FOUND", onDraft, (input) => m.as.freelancer.proposal.feePreview({ ...input, bidMinor: 90_000n }));
    await refusedLikeMissing("NOT_FOUND", onDraft, (input) =>
      m.as.freelancer.proposal.submit({ ...input, idempotencyKey: key(), coverLetter: "I have built many pages like this one, quickly and well.", bidMinor: 90_000n }),
    );
  });

  it("a contract's conversation is its two parties'", async () => {
    const thread = { contractId: m.contractId };
    for (const party of PARTIES) expect(await m.as[party].message.list(thread)).not.toEqual([]);
    for (const stranger of ["otherClient", "otherFreelancer"] as const) {
      await refusedLikeMissing("NOT_FOUND", thread, (input) => m.as[stranger].message.list(input));
      await refusedLikeMissing("NOT_FOUND", thread, (input) => m.as[stranger].message.send({ ...input, idempotencyKey: key(), body: "Hello" }));
    }
    await expect(m.as.admin.message.list(thread)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
