/**
 * Links sent by email to prove a person reads an address (README, "Accounts and passwords"):
 * how long each kind of link lasts, what waits for a confirmed email, and how an address is
 * written when it is only hinted at. Pure: the time of issue is an argument.
 */

/** What a link is for: confirming an email address, or choosing a new password. */
export type AccountTokenKind = "verify_email" | "reset_password";

/** Hours a link works after it was sent: 48 to confirm an email, 1 to reset a password. */
export const ACCOUNT_TOKEN_HOURS: Readonly<Record<AccountTokenKind, number>> = Object.freeze({ verify_email: 48, reset_password: 1 });

/** When a link sent at `issuedAt` stops working. */
export function accountTokenExpiresAt(kind: AccountTokenKind, issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + ACCOUNT_TOKEN_HOURS[kind] * 3_600_000);
}

/** Whether a link sent for `kind` at `issuedAt` still works at `now` (the last moment excluded). */
export function accountTokenLive(expiresAt: Date, now: Date): boolean {
  return now.getTime() < expiresAt.getTime();
}

/** "48 hours", "1 hour": how long a link lasts, in an email's words. */
export function accountTokenLifetimeInWords(kind: AccountTokenKind): string {
  const hours = ACCOUNT_TOKEN_HOURS[kind];
  return `${hours} hour${hours === 1 ? "" : "s"}`;
}

/**
 * What an unconfirmed account may not do until its email is confirmed, as the admin setting
 * `verificationRequiredFor` lists it (economy.md §13): send proposals, post or publish jobs, withdraw.
 */
export const VERIFICATION_ACTIONS = ["propose", "post_job", "withdraw"] as const;
export type VerificationAction = (typeof VERIFICATION_ACTIONS)[number];

/** Each action in the words of a sentence ("…before you can send proposals"). */
export const VERIFICATION_ACTION_WORDS: Readonly<Record<VerificationAction, string>> = Object.freeze({
  propose: "send proposals",
  post_job: "post jobs",
  withdraw: "withdraw money",
});

/** Whether `action` waits for a confirmed email under the setting in force. */
export function verificationRequired(action: VerificationAction, settings: { verificationRequiredFor: readonly VerificationAction[] }): boolean {
  return settings.verificationRequiredFor.includes(action);
}

/**
 * An address hinted at, not shown: the first character of the name, then the domain
 * ("alice@example.com" → "a…@example.com"). Used in refusals a person sees while signed in, so a
 * screenshot does not carry their address.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "…";
  const first = [...email.slice(0, at)][0] ?? "";
  return `${first}…${email.slice(at)}`;
}

/** The sentence that refuses an action before the email is confirmed (403), naming where the link went. */
export function confirmEmailFirst(email: string): string {
  return `Confirm your email first: we sent a link to ${maskEmail(email)}; send it again from Account.`;
}
