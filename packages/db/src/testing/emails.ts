import type { Db } from "../client";

/** Which emailed link: "Confirm your email" (/verify-email) or "Reset your password" (/reset-password). */
export type EmailedLinkKind = "verify_email" | "reset_password";

const PATHS: Record<EmailedLinkKind, string> = { verify_email: "/verify-email", reset_password: "/reset-password" };

/**
 * The link of the newest email of `kind` written to the outbox for `to`, as a person would follow
 * it: its path with the token (`/verify-email?token=…`) and the token. The token exists only in the
 * email, so tests (db, web, e2e) read it there, proving the email was written. Throws if none.
 */
export async function emailedLink(db: Db, input: { to: string; kind: EmailedLinkKind }): Promise<{ path: string; token: string }> {
  const email = await db.emailOutbox.findFirst({
    where: { toAddress: input.to.toLowerCase(), kind: input.kind },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { text: true },
  });
  if (!email) throw new Error(`No ${input.kind} email was written to ${input.to}.`);
  const match = new RegExp(`${PATHS[input.kind]}\\?token=([A-Za-z0-9_-]{43})`).exec(email.text);
  if (!match) throw new Error(`The ${input.kind} email to ${input.to} has no ${PATHS[input.kind]} link.`);
  return { path: `${PATHS[input.kind]}?token=${match[1]}`, token: match[1]! };
}
