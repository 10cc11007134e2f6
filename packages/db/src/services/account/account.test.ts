import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_TOKEN_HOURS } from "@fairlance/rules";
import { COVER_LETTER, emailedLink, freelancerWithConnects, freshDatabase, key, makeUser, openJob, type TestDatabase } from "../../testing";
import { sessionActor } from "../../read/session";
import { getAccountPage } from "../../read/account";
import { getAccountNotices } from "../../read/account-notices";
import { changeSetting } from "../admin/change-setting";
import { postJob } from "../jobs/post-job";
import { submitProposal } from "../jobs/submit-proposal";
import { addPayoutMethod } from "../payouts/add-payout-method";
import { withdraw } from "../payouts/withdraw";
import { changePassword } from "../sessions/change-password";
import { startSession } from "../sessions/start-session";
import { signUp } from "../sign-up";
import { verifyCredentials } from "../verify-credentials";
import { changeEmail } from "./change-email";
import { changeName } from "./change-name";
import { requestPasswordReset, RESET_PER_ADDRESS_THROTTLE, RESET_PER_EMAIL_THROTTLE, RESET_REQUESTED } from "./request-password-reset";
import { RESEND_VERIFICATION_THROTTLE, resendVerification } from "./resend-verification";
import { resetPassword } from "./reset-password";
import { verifyEmail } from "./verify-email";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(() => db.drop());

const T = new Date("2026-12-03T10:00:00.000Z");
const at = (minutes: number) => new Date(T.getTime() + minutes * 60_000);
const PASSWORD = "a long first password";
let n = 0;

/** A person who signed up in the app (unconfirmed, a link in the outbox). */
async function newcomer(role: "CLIENT" | "FREELANCER" = "FREELANCER", now = T) {
  const email = `newcomer${n++}@example.com`;
  const user = await signUp(db.prisma, { email, name: "Nia Newcomer", password: PASSWORD, role, ip: `198.51.100.${n}`, now });
  return { ...user, email };
}
const outboxTo = (to: string, kind?: string) => db.prisma.emailOutbox.findMany({ where: { toAddress: to, ...(kind ? { kind } : {}) }, orderBy: { createdAt: "asc" } });
const userRow = (id: string) => db.prisma.user.findUniqueOrThrow({ where: { id }, select: { email: true, emailVerifiedAt: true, sessionVersion: true, passwordHash: true, name: true } });

describe("confirming an email", () => {
  it("sign-up creates the account unconfirmed and writes one 'Confirm your email' email with a link that works once", async () => {
    const person = await newcomer();
    expect((await userRow(person.id)).emailVerifiedAt).toBeNull();
    const emails = await outboxTo(person.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ kind: "verify_email", subject: "Confirm your email for Fairlance", status: "PENDING" });
    expect(emails[0]!.text).toContain("48 hours");
    const { token } = await emailedLink(db.prisma, { to: person.email, kind: "verify_email" });
    // Only the hash is stored.
    const stored = await db.prisma.accountToken.findFirstOrThrow({ where: { userId: person.id } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt).toEqual(at(ACCOUNT_TOKEN_HOURS.verify_email * 60));

    await expect(verifyEmail(db.prisma, { token, now: at(5) })).resolves.toEqual({ email: person.email, changed: false });
    expect((await userRow(person.id)).emailVerifiedAt).toEqual(at(5));
    await expect(verifyEmail(db.prisma, { token, now: at(6) })).rejects.toMatchObject({ code: "CONFLICT", message: "This link was already used." });
  });

  it("a link expires after 48 hours, and a newer link replaces the older ones", async () => {
    const person = await newcomer();
    const first = await emailedLink(db.prisma, { to: person.email, kind: "verify_email" });
    await expect(verifyEmail(db.prisma, { token: first.token, now: at(48 * 60) })).rejects.toMatchObject({ code: "CONFLICT", message: "This link has expired. Ask for a new one." });
    await expect(resendVerification(db.prisma, { actorId: person.id, now: at(48 * 60 + 1) })).resolves.toEqual({ email: person.email });
    const second = await emailedLink(db.prisma, { to: person.email, kind: "verify_email" });
    expect(second.token).not.toBe(first.token);
    await expect(verifyEmail(db.prisma, { token: first.token, now: at(48 * 60 + 2) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(verifyEmail(db.prisma, { token: second.token, now: at(48 * 60 + 2) })).resolves.toMatchObject({ email: person.email });
    await expect(resendVerification(db.prisma, { actorId: person.id, now: at(48 * 60 + 3) })).rejects.toMatchObject({ code: "CONFLICT", message: "Your email is already confirmed." });
  });

  it("refuses a made-up or malformed link with a sentence, changing nothing", async () => {
    await expect(verifyEmail(db.prisma, { token: "B".repeat(43), now: T })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(verifyEmail(db.prisma, { token: "short", now: T })).rejects.toMatchObject({ code: "INVALID_REQUEST", message: expect.stringMatching(/not complete/) });
    // A reset link is not a confirmation link.
    const person = await makeUser(db.prisma, "CLIENT");
    await requestPasswordReset(db.prisma, { email: person.email, ip: "198.51.100.200", now: T });
    const reset = await emailedLink(db.prisma, { to: person.email, kind: "reset_password" });
    await expect(verifyEmail(db.prisma, { token: reset.token, now: T })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("'send the link again' is allowed 5 times an hour per person", async () => {
    const person = await newcomer();
    for (let i = 0; i < RESEND_VERIFICATION_THROTTLE.limit; i++) await resendVerification(db.prisma, { actorId: person.id, now: at(i) });
    await expect(resendVerification(db.prisma, { actorId: person.id, now: at(10) })).rejects.toMatchObject({ code: "TOO_MANY_ATTEMPTS", message: expect.stringMatching(/^We sent several links in the last hour\. Try again in \d+ minutes\.$/) });
    await expect(resendVerification(db.prisma, { actorId: person.id, now: at(61) })).resolves.toEqual({ email: person.email });
  });
});

describe("what waits for a confirmed email (economy.md §13)", () => {
  it("an unconfirmed freelancer cannot propose or withdraw, an unconfirmed client cannot publish; after confirming they can", async () => {
    const freelancer = await newcomer("FREELANCER");
    const client = await newcomer("CLIENT");
    const jobId = await openJob(db.prisma, (await makeUser(db.prisma, "CLIENT")).id, T);
    const masked = (email: string) => `Confirm your email first: we sent a link to n…@${email.split("@")[1]}; send it again from Account.`;
    const propose = () => submitProposal(db.prisma, { actorId: freelancer.id, now: at(1), idempotencyKey: key(), jobId, coverLetter: COVER_LETTER, bidMinor: 90_000n });
    await expect(propose()).rejects.toMatchObject({ code: "FORBIDDEN", message: masked(freelancer.email) });
    const method = await addPayoutMethod(db.prisma, { actorId: freelancer.id, now: T, idempotencyKey: key(), kind: "ACH", account: "000123456789", label: "Bank" });
    await expect(withdraw(db.prisma, { actorId: freelancer.id, now: at(5 * 24 * 60), idempotencyKey: key(), payoutMethodId: method.id, amountMinor: 1_000n })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: masked(freelancer.email),
    });
    const job = { title: "Translate a website", description: "Twelve product pages from English to Spanish, friendly tone.", type: "FIXED" as const, budgetMinor: 30_000n, durationDays: 5, experienceLevel: "INTERMEDIATE" as const, skills: ["Spanish"] };
    await expect(postJob(db.prisma, { actorId: client.id, now: at(1), idempotencyKey: key(), ...job, publish: true })).rejects.toMatchObject({ code: "FORBIDDEN", message: masked(client.email) });
    // A draft may be saved; nothing was proposed, published or withdrawn.
    await expect(postJob(db.prisma, { actorId: client.id, now: at(1), idempotencyKey: key(), ...job, publish: false })).resolves.toMatchObject({ status: "DRAFT" });
    expect(await db.prisma.proposal.count({ where: { freelancerId: freelancer.id } })).toBe(0);
    expect(await db.prisma.withdrawal.count({ where: { userId: freelancer.id } })).toBe(0);
    // The dashboard says so before they try.
    expect((await getAccountNotices(db.prisma, { actorId: freelancer.id, now: at(1) })).unconfirmedEmail).toEqual({
      maskedEmail: `n…@example.com`,
      waiting: [
        { action: "propose", words: "send proposals" },
        { action: "post_job", words: "post jobs" },
        { action: "withdraw", words: "withdraw money" },
      ],
    });

    await verifyEmail(db.prisma, { token: (await emailedLink(db.prisma, { to: freelancer.email, kind: "verify_email" })).token, now: at(2) });
    await expect(propose()).resolves.toMatchObject({ jobId });
    expect((await getAccountNotices(db.prisma, { actorId: freelancer.id, now: at(3) })).unconfirmedEmail).toBeNull();
  });

  it("an admin decides what waits: with nothing listed, an unconfirmed person may propose", async () => {
    const admin = await makeUser(db.prisma, "ADMIN");
    const later = at(7 * 24 * 60);
    await changeSetting(db.prisma, { actorId: admin.id, now: later, idempotencyKey: key(), key: "verificationRequiredFor", value: ["withdraw"], effectiveFrom: null, reason: "Let newcomers propose at once" });
    const freelancer = await freelancerWithConnects(db.prisma, 20, later, { unverified: true });
    const jobId = await openJob(db.prisma, (await makeUser(db.prisma, "CLIENT")).id, later);
    await expect(submitProposal(db.prisma, { actorId: freelancer.id, now: at(7 * 24 * 60 + 1), idempotencyKey: key(), jobId, coverLetter: COVER_LETTER, bidMinor: 90_000n })).resolves.toMatchObject({ jobId });
    await expect(changeSetting(db.prisma, { actorId: admin.id, now: at(7 * 24 * 60 + 2), idempotencyKey: key(), key: "verificationRequiredFor", value: ["propose", "propose"], effectiveFrom: null, reason: "A typo" })).rejects.toMatchObject({
      message: expect.stringMatching(/at most once/),
    });
  });
});

describe("a forgotten password", () => {
  it("answers the same whether or not an account uses the address; only a real account gets an email", async () => {
    const person = await makeUser(db.prisma, "CLIENT", { password: PASSWORD });
    const known = await requestPasswordReset(db.prisma, { email: ` ${person.email.toUpperCase()} `, ip: "198.51.100.50", now: T });
    const unknown = await requestPasswordReset(db.prisma, { email: "nobody-here@example.com", ip: "198.51.100.50", now: T });
    expect(known).toEqual(unknown);
    expect(known).toEqual({ message: RESET_REQUESTED });
    expect(await outboxTo(person.email, "reset_password")).toHaveLength(1);
    expect(await outboxTo("nobody-here@example.com")).toHaveLength(0);
  });

  it("is throttled per email (5 an hour) and per network address (20 an hour), whether or not the email has an account", async () => {
    for (let i = 0; i < RESET_PER_EMAIL_THROTTLE.limit; i++) await requestPasswordReset(db.prisma, { email: "hammered@example.com", ip: `198.51.100.${60 + i}`, now: at(i) });
    await expect(requestPasswordReset(db.prisma, { email: "hammered@example.com", ip: "198.51.100.99", now: at(6) })).rejects.toMatchObject({
      code: "TOO_MANY_ATTEMPTS",
      message: expect.stringMatching(/^Too many reset links were asked for in the last hour\. Try again in \d+ minutes\.$/),
    });
    for (let i = 0; i < RESET_PER_ADDRESS_THROTTLE.limit; i++) await requestPasswordReset(db.prisma, { email: `spray${i}@example.com`, ip: "198.51.100.77", now: at(i) });
    await expect(requestPasswordReset(db.prisma, { email: "spray-more@example.com", ip: "198.51.100.77", now: at(30) })).rejects.toMatchObject({ code: "TOO_MANY_ATTEMPTS" });
    await expect(requestPasswordReset(db.prisma, { email: "spray-more@example.com", ip: "198.51.100.78", now: at(30) })).resolves.toEqual({ message: RESET_REQUESTED });
  });

  it("the link sets a new password once, within 1 hour, ends every session and says so by email", async () => {
    const person = await makeUser(db.prisma, "FREELANCER", { password: PASSWORD });
    const laptop = await startSession(db.prisma, { userId: person.id, userAgent: "Firefox", ip: "198.51.100.1", now: T });
    const phone = await startSession(db.prisma, { userId: person.id, userAgent: "Safari", ip: "198.51.100.2", now: T });
    const before = await userRow(person.id);
    await requestPasswordReset(db.prisma, { email: person.email, ip: "198.51.100.3", now: T });
    const { token } = await emailedLink(db.prisma, { to: person.email, kind: "reset_password" });

    // A weak password is refused and the link still works.
    await expect(resetPassword(db.prisma, { token, password: "1234567890", now: at(10) })).rejects.toMatchObject({ code: "WEAK_PASSWORD" });
    await expect(resetPassword(db.prisma, { token, password: "a brand new long password", now: at(10) })).resolves.toEqual({ email: person.email });
    await expect(resetPassword(db.prisma, { token, password: "yet another long password", now: at(11) })).rejects.toMatchObject({ code: "CONFLICT", message: "This link was already used." });

    const after = await userRow(person.id);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    for (const session of [laptop, phone]) {
      expect(await sessionActor(db.prisma, person.id, session.sessionVersion, session.sessionId)).toBeNull();
      expect(await db.prisma.userSession.findUniqueOrThrow({ where: { id: session.sessionId } })).toMatchObject({ endedAt: at(10), endedReason: "password reset" });
    }
    expect(await outboxTo(person.email, "password_changed")).toHaveLength(1);
    await expect(verifyCredentials(db.prisma, { email: person.email, password: PASSWORD, ip: "198.51.100.4", now: at(12) })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    await expect(verifyCredentials(db.prisma, { email: person.email, password: "a brand new long password", ip: "198.51.100.4", now: at(12) })).resolves.toMatchObject({ id: person.id });
  });

  it("a reset link expires after 1 hour; a newer one replaces it", async () => {
    const person = await makeUser(db.prisma, "CLIENT", { password: PASSWORD });
    await requestPasswordReset(db.prisma, { email: person.email, ip: "198.51.100.5", now: T });
    const first = await emailedLink(db.prisma, { to: person.email, kind: "reset_password" });
    await expect(resetPassword(db.prisma, { token: first.token, password: "a brand new long password", now: at(60) })).rejects.toMatchObject({ code: "CONFLICT", message: "This link has expired. Ask for a new one." });
    await requestPasswordReset(db.prisma, { email: person.email, ip: "198.51.100.5", now: at(61) });
    const second = await emailedLink(db.prisma, { to: person.email, kind: "reset_password" });
    await requestPasswordReset(db.prisma, { email: person.email, ip: "198.51.100.5", now: at(62) });
    const third = await emailedLink(db.prisma, { to: person.email, kind: "reset_password" });
    await expect(resetPassword(db.prisma, { token: second.token, password: "a brand new long password", now: at(63) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(resetPassword(db.prisma, { token: third.token, password: "a brand new long password", now: at(63) })).resolves.toEqual({ email: person.email });
  });
});

describe("the account page's changes", () => {
  it("changing the email needs the password, confirms the new address by its link, and tells the old one", async () => {
    const person = await makeUser(db.prisma, "CLIENT", { password: PASSWORD });
    const other = await makeUser(db.prisma, "CLIENT");
    const call = { actorId: person.id, now: T, ip: "198.51.100.9" };
    await expect(changeEmail(db.prisma, { ...call, newEmail: "mine-now@example.com", currentPassword: "not my password" })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    await expect(changeEmail(db.prisma, { ...call, newEmail: other.email, currentPassword: PASSWORD })).rejects.toMatchObject({ code: "EMAIL_TAKEN" });
    await expect(changeEmail(db.prisma, { ...call, newEmail: person.email, currentPassword: PASSWORD })).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    await expect(changeEmail(db.prisma, { ...call, newEmail: " Mine-Now@Example.com ", currentPassword: PASSWORD })).resolves.toEqual({ pendingEmail: "mine-now@example.com" });
    // Nothing changes until the link is followed; the page shows the address waiting.
    expect((await userRow(person.id)).email).toBe(person.email);
    expect(await getAccountPage(db.prisma, { actorId: person.id, sessionId: null, now: at(1) })).toMatchObject({ email: person.email, pendingEmail: "mine-now@example.com" });

    const { token } = await emailedLink(db.prisma, { to: "mine-now@example.com", kind: "verify_email" });
    await expect(verifyEmail(db.prisma, { token, now: at(2) })).resolves.toEqual({ email: "mine-now@example.com", changed: true });
    expect(await userRow(person.id)).toMatchObject({ email: "mine-now@example.com", emailVerifiedAt: at(2) });
    const told = await outboxTo(person.email, "email_changed");
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain("mine-now@example.com");
    expect(await getAccountPage(db.prisma, { actorId: person.id, sessionId: null, now: at(3) })).toMatchObject({ email: "mine-now@example.com", pendingEmail: null });
  });

  it("a new address taken by someone else before the link is followed stays theirs", async () => {
    const person = await makeUser(db.prisma, "CLIENT", { password: PASSWORD });
    await changeEmail(db.prisma, { actorId: person.id, now: T, ip: "198.51.100.10", newEmail: "contested@example.com", currentPassword: PASSWORD });
    await makeUser(db.prisma, "FREELANCER", { email: "contested@example.com" });
    const { token } = await emailedLink(db.prisma, { to: "contested@example.com", kind: "verify_email" });
    await expect(verifyEmail(db.prisma, { token, now: at(1) })).rejects.toMatchObject({ code: "EMAIL_TAKEN" });
    expect((await userRow(person.id)).email).toBe(person.email);
  });

  it("changing the name", async () => {
    const person = await makeUser(db.prisma, "FREELANCER");
    await expect(changeName(db.prisma, { actorId: person.id, now: T, name: "  Rita Renamed " })).resolves.toEqual({ name: "Rita Renamed" });
    await expect(changeName(db.prisma, { actorId: person.id, now: T, name: "   " })).rejects.toMatchObject({ code: "INVALID_REQUEST", message: "Enter your name." });
  });

  it("changing the password keeps this browser signed in and ends the others", async () => {
    const person = await makeUser(db.prisma, "CLIENT", { password: PASSWORD });
    const here = await startSession(db.prisma, { userId: person.id, userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) Safari/605.1.15", ip: "198.51.100.11", now: T });
    const there = await startSession(db.prisma, { userId: person.id, userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0", ip: "198.51.100.12", now: T });
    expect((await getAccountPage(db.prisma, { actorId: person.id, sessionId: here.sessionId, now: at(1) })).sessions.map((s) => [s.browser, s.current])).toEqual([
      ["Safari on macOS", true],
      ["Firefox on Linux", false],
    ]);
    await expect(changePassword(db.prisma, { actorId: person.id, now: at(2), ip: "198.51.100.11", sessionId: here.sessionId, currentPassword: PASSWORD, newPassword: "a second long password" })).resolves.toMatchObject({ keptThisSession: true });
    expect(await sessionActor(db.prisma, person.id, here.sessionVersion, here.sessionId)).toMatchObject({ id: person.id });
    expect(await sessionActor(db.prisma, person.id, there.sessionVersion, there.sessionId)).toBeNull();
    expect(await db.prisma.userSession.findUniqueOrThrow({ where: { id: there.sessionId } })).toMatchObject({ endedReason: "password changed" });
    expect(await outboxTo(person.email, "password_changed")).toHaveLength(1);
  });
});
