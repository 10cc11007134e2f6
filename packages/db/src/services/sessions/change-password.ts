import { z } from "zod";
import type { PrismaClient } from "../../client";
import { hashPassword, verifyPassword } from "../../auth/password";
import { CurrentPassword, NewPassword, passwordProblem } from "../../auth/password-policy";
import { beginSignInAttempt, signInSucceeded } from "../../auth/sign-in-throttle";
import { DomainError } from "../../errors";
import { runTransaction } from "../../transaction";
import { accountGone, type ActorCall } from "../actor";
import { parseCall } from "../input";
import { revokeSessions } from "./revoke-sessions";
import { queuePasswordChangedEmail } from "../account/account-emails";

/** What the person types; who acts and when come with the call (ActorCall), their address with it. */
export const ChangePasswordInput = z.strictObject({ currentPassword: CurrentPassword, newPassword: NewPassword });
export type ChangePasswordInput = z.input<typeof ChangePasswordInput>;

export interface ChangedPassword {
  sessionVersion: number;
  /** Whether the browser that changed it stays signed in (it has a session row); every other session has ended. */
  keptThisSession: boolean;
}

/**
 * A signed-in person replaces their password. The current one is checked first, throttled like a
 * sign-in from the caller's address (a stolen session must not become a password-guessing
 * machine); the new one must pass the password policy. The new hash is stored and every other
 * session ended in one transaction, and only if the password was not changed meanwhile by another
 * request; `sessionId` (the caller's session row) stays signed in, and an email tells the account's
 * address.
 */
export async function changePassword(
  prisma: PrismaClient,
  input: ChangePasswordInput & ActorCall & { ip: string; sessionId?: string | null },
): Promise<ChangedPassword> {
  const { ip, sessionId, ...call } = input;
  const { currentPassword, newPassword, actorId: userId, now } = parseCall(ChangePasswordInput, call);
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { email: true, name: true, passwordHash: true } });
  if (!user) throw accountGone();

  const attemptId = await beginSignInAttempt(prisma, { email: user.email, ip, now });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new DomainError("INVALID_CREDENTIALS", "That is not your current password. Enter the one you sign in with now.");
  }
  await signInSucceeded(prisma, attemptId);

  if (newPassword === currentPassword) throw new DomainError("WEAK_PASSWORD", "Your new password is the same as your current one. Choose a different one.");
  const problem = await passwordProblem(newPassword, user);
  if (problem) throw new DomainError("WEAK_PASSWORD", problem);

  const passwordHash = await hashPassword(newPassword);
  return runTransaction(prisma, async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId, passwordHash: user.passwordHash }, data: { passwordHash } });
    if (count === 0) throw new DomainError("CONFLICT", "Your password was just changed in another window. Sign in again with the new one.");
    const keep = sessionId ? await tx.userSession.findFirst({ where: { id: sessionId, userId, endedAt: null }, select: { id: true } }) : null;
    const sessionVersion = await revokeSessions(tx, userId, { reason: "password changed", now, keep: keep?.id ?? null });
    await queuePasswordChangedEmail(tx, { userId, name: user.name, to: user.email }, { how: "changed", eventId: `${userId}:${now.toISOString()}`, now });
    return { sessionVersion, keptThisSession: keep !== null };
  });
}
