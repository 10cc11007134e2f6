import { z } from "zod";
import type { PrismaClient } from "../../client";
import { verifyPassword } from "../../auth/password";
import { CurrentPassword } from "../../auth/password-policy";
import { beginSignInAttempt, signInSucceeded } from "../../auth/sign-in-throttle";
import { DomainError } from "../../errors";
import { runTransaction } from "../../transaction";
import { accountGone, requireActor, type ActorCall } from "../actor";
import { EmailAddress } from "../fields";
import { parseCall } from "../input";
import { queueConfirmEmail } from "./account-emails";
import { issueAccountToken } from "./tokens";

/** What the person types; who acts and when come with the call, their address with it. */
export const ChangeEmailInput = z.strictObject({ newEmail: EmailAddress, currentPassword: CurrentPassword });
export type ChangeEmailInput = z.input<typeof ChangeEmailInput>;

export interface RequestedEmailChange {
  /** The address the confirmation link went to; the account's email changes when it is followed. */
  pendingEmail: string;
}

/**
 * A signed-in person asks to use another email (economy.md §13). The current password is checked
 * first, throttled like a sign-in from the caller's address; then a "Confirm your email" link goes
 * to the new address. Nothing else changes until the link is followed (verifyEmail).
 */
export async function changeEmail(prisma: PrismaClient, input: ChangeEmailInput & ActorCall & { ip: string }): Promise<RequestedEmailChange> {
  const { ip, ...call } = input;
  const data = parseCall(ChangeEmailInput, call);
  await requireActor(prisma, data, ["CLIENT", "FREELANCER", "ADMIN"], "change an email");
  const user = await prisma.user.findUnique({ where: { id: data.actorId }, select: { email: true, name: true, passwordHash: true } });
  if (!user) throw accountGone();
  const attemptId = await beginSignInAttempt(prisma, { email: user.email, ip, now: data.now });
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw new DomainError("INVALID_CREDENTIALS", "That is not your current password. Enter the one you sign in with now.");
  }
  await signInSucceeded(prisma, attemptId);
  if (data.newEmail === user.email) {
    const sentence = "This is already your email. Type the new address.";
    throw new DomainError("INVALID_REQUEST", sentence, { issues: [{ path: "newEmail", message: sentence }] });
  }
  if (await prisma.user.findUnique({ where: { email: data.newEmail }, select: { id: true } })) {
    throw new DomainError("EMAIL_TAKEN", "Another account uses this email. Choose another address.");
  }
  return runTransaction(prisma, async (tx) => {
    const link = await issueAccountToken(tx, { userId: data.actorId, kind: "verify_email", email: data.newEmail, now: data.now });
    await queueConfirmEmail(tx, { userId: data.actorId, name: user.name, to: data.newEmail }, link, { changing: true, now: data.now });
    return { pendingEmail: data.newEmail };
  });
}
