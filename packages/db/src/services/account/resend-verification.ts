import type { PrismaClient } from "../../client";
import { waitInWords } from "../../auth/throttle";
import { DomainError } from "../../errors";
import { takeRateLimitHit, type RateLimit } from "../../rate-limit";
import { runTransaction } from "../../transaction";
import { accountGone, requireActor, type ActorCall } from "../actor";
import { queueConfirmEmail } from "./account-emails";
import { issueAccountToken, pendingEmailChange } from "./tokens";

/** "Send the link again": 5 times an hour per person (economy.md §13). */
export const RESEND_VERIFICATION_THROTTLE = { bucket: "verify-email-resend", limit: 5, windowMinutes: 60 } as const satisfies RateLimit;

export interface SentConfirmation {
  /** Where the link went: the account's email, or the new address waiting to be confirmed. */
  email: string;
}

/**
 * A signed-in person asks for a new "Confirm your email" link: to the new address when an email
 * change waits for confirmation, else to their email. The new link replaces the older ones.
 */
export async function resendVerification(prisma: PrismaClient, call: ActorCall): Promise<SentConfirmation> {
  await requireActor(prisma, call, ["CLIENT", "FREELANCER", "ADMIN"], "confirm an email");
  const user = await prisma.user.findUnique({ where: { id: call.actorId }, select: { email: true, name: true, emailVerifiedAt: true } });
  if (!user) throw accountGone();
  const pending = await pendingEmailChange(prisma, call.actorId, user.email, call.now);
  if (user.emailVerifiedAt && !pending) throw new DomainError("CONFLICT", "Your email is already confirmed.");
  const wait = await takeRateLimitHit(prisma, RESEND_VERIFICATION_THROTTLE, call.actorId, call.now);
  if (wait > 0) throw new DomainError("TOO_MANY_ATTEMPTS", `We sent several links in the last hour. Try again in ${waitInWords(wait)}.`, { retryAfterSeconds: wait });
  const to = pending ?? user.email;
  return runTransaction(prisma, async (tx) => {
    const link = await issueAccountToken(tx, { userId: call.actorId, kind: "verify_email", email: to, now: call.now });
    await queueConfirmEmail(tx, { userId: call.actorId, name: user.name, to }, link, { changing: to !== user.email, now: call.now });
    return { email: to };
  });
}
