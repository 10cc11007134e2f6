import { z } from "zod";
import type { PrismaClient } from "../../client";
import { waitInWords } from "../../auth/throttle";
import { DomainError } from "../../errors";
import { takeRateLimitHit, type RateLimit } from "../../rate-limit";
import { runTransaction } from "../../transaction";
import { EmailAddress } from "../fields";
import { parseInput } from "../input";
import { queueResetEmail } from "./account-emails";
import { hashAccountToken, issueAccountToken } from "./tokens";
import { randomBytes } from "node:crypto";

/** What the /forgot-password form sends. No one is signed in; the address and the time come with the call. */
export const RequestPasswordResetInput = z.strictObject({ email: EmailAddress });
export type RequestPasswordResetInput = z.input<typeof RequestPasswordResetInput>;

/** Reset links asked for one email address: 5 an hour (economy.md §13), whether or not an account uses it. */
export const RESET_PER_EMAIL_THROTTLE = { bucket: "password-reset-email", limit: 5, windowMinutes: 60 } as const satisfies RateLimit;
/** Reset links asked for from one network address: 20 an hour. */
export const RESET_PER_ADDRESS_THROTTLE = { bucket: "password-reset-address", limit: 20, windowMinutes: 60 } as const satisfies RateLimit;

/** The one answer, whether or not an account uses the address. */
export const RESET_REQUESTED = "If an account uses this email, we sent it a link to choose a new password. The link works for 1 hour; check your spam folder if it does not arrive.";

/**
 * "Forgot your password" (economy.md §13): if an account uses the address, a reset link (1 hour,
 * single use, replacing older ones) is written to the outbox. The answer is the same either way,
 * and the work nearly so (a token is made and hashed in both cases); only the throttles, which
 * count every request whatever the address, refuse with another sentence.
 */
export async function requestPasswordReset(prisma: PrismaClient, input: RequestPasswordResetInput & { ip: string; now: Date }): Promise<{ message: string }> {
  const { ip, now, ...fields } = input;
  const { email } = parseInput(RequestPasswordResetInput, fields);
  for (const [rule, subject] of [[RESET_PER_ADDRESS_THROTTLE, ip], [RESET_PER_EMAIL_THROTTLE, email]] as const) {
    const wait = await takeRateLimitHit(prisma, rule, subject, now);
    if (wait > 0) {
      throw new DomainError("TOO_MANY_ATTEMPTS", `Too many reset links were asked for in the last hour. Try again in ${waitInWords(wait)}.`, { retryAfterSeconds: wait });
    }
  }
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
  if (!user) {
    // As much work as a real request, so the answer's timing says little about the address.
    hashAccountToken(randomBytes(32).toString("base64url"));
    await prisma.accountToken.count({ where: { userId: "00000000-0000-4000-8000-000000000000", purpose: "RESET_PASSWORD", usedAt: null } });
    return { message: RESET_REQUESTED };
  }
  await runTransaction(prisma, async (tx) => {
    const link = await issueAccountToken(tx, { userId: user.id, kind: "reset_password", email: user.email, now });
    await queueResetEmail(tx, { userId: user.id, name: user.name, to: user.email }, link, now);
  });
  return { message: RESET_REQUESTED };
}
