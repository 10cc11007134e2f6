import { accountTokenLifetimeInWords } from "@fairlance/rules";
import type { Tx } from "../../client";
import { appUrl, queueEmail, renderEmail } from "../../notifications";
import type { IssuedToken } from "./tokens";

/**
 * The emails of accounts (economy.md §13), written to the outbox in the transaction that issues
 * their link or makes their change, so an email is never sent for something that rolled back. They
 * have no category to unsubscribe from: a person cannot turn off what secures their account.
 */

interface Recipient {
  userId: string;
  name: string;
  /** Where the email goes (for an email change: the new address, or the old one told about it). */
  to: string;
}

/** "Confirm your email": the link to /verify-email, at sign-up, on "send it again", and to a new address. */
export async function queueConfirmEmail(tx: Tx, who: Recipient, link: IssuedToken, options: { changing: boolean; now: Date }) {
  const url = appUrl(`/verify-email?token=${link.token}`);
  const lifetime = accountTokenLifetimeInWords("verify_email");
  const { text, html } = renderEmail({
    preheader: "One click confirms this address for your Fairlance account.",
    heading: "Confirm your email",
    paragraphs: [
      `Hello ${who.name},`,
      options.changing
        ? `You asked to use ${who.to} for your Fairlance account. Confirm it with the button below; until then your account keeps its current email.`
        : `Welcome to Fairlance. Confirm that ${who.to} is your email address; then you can send proposals, post jobs and withdraw money.`,
      `The link works once, for ${lifetime}. If you did not ask for it, ignore this email.`,
    ],
    action: { label: "Confirm my email", url },
  });
  await queueEmail(tx, { userId: who.userId, to: who.to, kind: "verify_email", dedupeKey: `verify_email:${link.id}`, subject: "Confirm your email for Fairlance", text, html, now: options.now });
}

/** "Reset your password": the link to /reset-password, valid for 1 hour. */
export async function queueResetEmail(tx: Tx, who: Recipient, link: IssuedToken, now: Date) {
  const { text, html } = renderEmail({
    preheader: "Choose a new password for your Fairlance account.",
    heading: "Reset your password",
    paragraphs: [
      `Hello ${who.name},`,
      "Someone (we hope you) asked to reset the password of your Fairlance account. Choose a new one with the button below; it signs you out everywhere.",
      `The link works once, for ${accountTokenLifetimeInWords("reset_password")}. If you did not ask for it, ignore this email: your password stays as it is.`,
    ],
    action: { label: "Choose a new password", url: appUrl(`/reset-password?token=${link.token}`) },
  });
  await queueEmail(tx, { userId: who.userId, to: who.to, kind: "reset_password", dedupeKey: `reset_password:${link.id}`, subject: "Reset your Fairlance password", text, html, now });
}

/** "Your password was changed": after a reset or a change, to the account's address. */
export async function queuePasswordChangedEmail(tx: Tx, who: Recipient, input: { how: "reset" | "changed"; eventId: string; now: Date }) {
  const { text, html } = renderEmail({
    preheader: "The password of your Fairlance account was changed.",
    heading: "Your password was changed",
    paragraphs: [
      `Hello ${who.name},`,
      input.how === "reset"
        ? "The password of your Fairlance account was reset with the link we emailed you, and every session was signed out."
        : "The password of your Fairlance account was changed from its Account page, and every other session was signed out.",
      "If this was not you, reset your password now with “Forgot your password?” on the sign-in page.",
    ],
    action: { label: "Sign in", url: appUrl("/sign-in") },
  });
  await queueEmail(tx, { userId: who.userId, to: who.to, kind: "password_changed", dedupeKey: `password_changed:${input.eventId}`, subject: "Your Fairlance password was changed", text, html, now: input.now });
}

/** To the old address when the account's email changes to a confirmed new one. */
export async function queueEmailChangedEmail(tx: Tx, who: Recipient, input: { newEmail: string; tokenId: string; now: Date }) {
  const { text, html } = renderEmail({
    preheader: "Your Fairlance account now uses another email address.",
    heading: "Your email was changed",
    paragraphs: [
      `Hello ${who.name},`,
      `Your Fairlance account now uses ${input.newEmail}; this address (${who.to}) no longer receives its emails or signs in.`,
      "If you did not make this change, contact Fairlance support at once: this address can no longer sign in.",
    ],
  });
  await queueEmail(tx, { userId: who.userId, to: who.to, kind: "email_changed", dedupeKey: `email_changed:${input.tokenId}`, subject: "Your Fairlance email was changed", text, html, now: input.now });
}
