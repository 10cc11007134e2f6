import { z } from "zod";
import type { PrismaClient } from "../../client";
import { hashPassword } from "../../auth/password";
import { NewPassword, passwordProblem } from "../../auth/password-policy";
import { DomainError } from "../../errors";
import { runTransaction } from "../../transaction";
import { parseInput } from "../input";
import { revokeSessions } from "../sessions/revoke-sessions";
import { queuePasswordChangedEmail } from "./account-emails";
import { AccountTokenText, lockUsableToken, markTokenUsed, peekToken } from "./tokens";

/** What the /reset-password form sends: the link's token and the new password (typed twice in the browser). */
export const ResetPasswordInput = z.strictObject({ token: AccountTokenText, password: NewPassword });
export type ResetPasswordInput = z.input<typeof ResetPasswordInput>;

/**
 * Following a reset link (economy.md §13): the new password must pass the sign-up password rules
 * (checked before the link is used, so a refused password leaves the link working); then, in one
 * transaction, the password is stored, the link used, every session of the person ended ("password
 * reset"), and an email says so. The link proves the person reads the address: it is confirmed too.
 */
export async function resetPassword(prisma: PrismaClient, input: ResetPasswordInput & { now: Date }): Promise<{ email: string }> {
  const { now, ...fields } = input;
  const { token, password } = parseInput(ResetPasswordInput, fields);
  const peeked = await peekToken(prisma, { token, kind: "reset_password" });
  const owner = peeked && (await prisma.user.findUnique({ where: { id: peeked.userId }, select: { email: true, name: true } }));
  if (owner) {
    const problem = await passwordProblem(password, owner);
    if (problem) throw new DomainError("WEAK_PASSWORD", problem);
  }
  const passwordHash = await hashPassword(password);
  return runTransaction(prisma, async (tx) => {
    const link = await lockUsableToken(tx, { token, kind: "reset_password", now });
    const user = await tx.user.findUniqueOrThrow({ where: { id: link.userId }, select: { email: true, name: true, emailVerifiedAt: true } });
    await tx.user.update({
      where: { id: link.userId },
      data: { passwordHash, ...(user.emailVerifiedAt === null && user.email === link.email ? { emailVerifiedAt: now } : {}) },
    });
    await markTokenUsed(tx, link.id, now);
    await revokeSessions(tx, link.userId, { reason: "password reset", now });
    await queuePasswordChangedEmail(tx, { userId: link.userId, name: user.name, to: user.email }, { how: "reset", eventId: link.id, now });
    return { email: user.email };
  });
}
