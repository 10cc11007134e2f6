import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { runTransaction } from "../../transaction";
import { parseInput } from "../input";
import { queueEmailChangedEmail } from "./account-emails";
import { AccountTokenText, lockUsableToken, markTokenUsed } from "./tokens";

/** What the /verify-email page sends: the link's token. No one needs to be signed in. */
export const VerifyEmailInput = z.strictObject({ token: AccountTokenText });
export type VerifyEmailInput = z.input<typeof VerifyEmailInput>;

export interface VerifiedEmail {
  email: string;
  /** True when following the link changed the account's email to this address. */
  changed: boolean;
}

/**
 * Following a "Confirm your email" link (economy.md §13): the address it was sent to becomes the
 * account's confirmed email, and the link is used, in one transaction. For an email change the old
 * address is told; if another account took the address meanwhile, nothing changes (EMAIL_TAKEN).
 */
export async function verifyEmail(prisma: PrismaClient, input: VerifyEmailInput & { now: Date }): Promise<VerifiedEmail> {
  const { now, ...fields } = input;
  const { token } = parseInput(VerifyEmailInput, fields);
  try {
    return await runTransaction(prisma, async (tx) => {
      const link = await lockUsableToken(tx, { token, kind: "verify_email", now });
      const user = await tx.user.findUniqueOrThrow({ where: { id: link.userId }, select: { email: true, name: true } });
      const changed = user.email !== link.email;
      await tx.user.update({ where: { id: link.userId }, data: { email: link.email, emailVerifiedAt: now } });
      await markTokenUsed(tx, link.id, now);
      if (changed) await queueEmailChangedEmail(tx, { userId: link.userId, name: user.name, to: user.email }, { newEmail: link.email, tokenId: link.id, now });
      return { email: link.email, changed };
    });
  } catch (error) {
    // The new address was taken by another account after the link was sent: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw new DomainError("EMAIL_TAKEN", "Another account uses this email now, so it cannot become yours. Change your email to another address.");
    throw error;
  }
}
