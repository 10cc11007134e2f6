import { TEXT_RULES } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient, Role } from "../client";
import { hashPassword } from "../auth/password";
import { NewPassword, passwordProblem } from "../auth/password-policy";
import { waitInWords } from "../auth/throttle";
import { dbEnv } from "../env";
import { DomainError } from "../errors";
import { takeRateLimitHit, type RateLimit } from "../rate-limit";
import { runTransaction } from "../transaction";
import { grantSignupConnects } from "./connects/grant-signup-connects";
import { EmailAddress, Text } from "./fields";
import { parseInput } from "./input";
import { newProfile } from "./profiles/new-profile";
import { queueConfirmEmail } from "./account/account-emails";
import { issueAccountToken } from "./account/tokens";

/** What the sign-up form sends. No one acts yet: the address and the time come with the call. */
export const SignUpInput = z.strictObject({
  email: EmailAddress,
  name: Text(TEXT_RULES.personName),
  password: NewPassword,
  role: z.enum(["CLIENT", "FREELANCER"], { message: "Choose whether you hire (client) or work (freelancer)." }),
});
export type SignUpInput = z.input<typeof SignUpInput>;

/** What the form sends plus the caller's network address and the time, which the caller supplies. */
export type SignUpRequest = z.input<typeof SignUpInput> & { ip: string; now: Date };

/**
 * Sign-ups per address: each answer tells whether an email has an account, so this bounds how fast
 * one address can ask. README, "Accounts and passwords".
 */
export const SIGN_UP_THROTTLE = { bucket: "sign-up", limit: 10, windowMinutes: 60 } as const satisfies RateLimit;

/** FAIRLANCE_SIGN_UP_LIMIT: sign-ups one address may make per hour (default 10; the e2e journeys, all from one address, raise it). */
export function signUpThrottle(): RateLimit {
  return { ...SIGN_UP_THROTTLE, limit: dbEnv.FAIRLANCE_SIGN_UP_LIMIT };
}

export interface SignedUpUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  /** Connects granted on sign-up (freelancers only; 0 for clients). */
  signupConnects: number;
}

const emailTaken = () => new DomainError("EMAIL_TAKEN", "An account with this email already exists. Sign in instead.");

export interface SignUpOptions {
  /**
   * The seed, the bench and test scenarios make people whose email is confirmed already: no link is
   * sent. People signing up in the app always confirm theirs (economy.md §13).
   */
  emailVerified?: boolean;
}

/**
 * Creates a client or freelancer account, unconfirmed, and writes its "Confirm your email" link
 * to the outbox in the same transaction (economy.md §13); a freelancer gets the sign-up connects in the same
 * transaction, so there is never a freelancer without them. Admins are made by the seed or another admin.
 * Refuses a weak password (WEAK_PASSWORD), and more than `signUpThrottle()`'s sign-ups from one
 * address in an hour (TOO_MANY_ATTEMPTS): every valid request counts, successful or not.
 */
export async function signUp(prisma: PrismaClient, input: SignUpRequest, options: SignUpOptions = {}): Promise<SignedUpUser> {
  const { ip, now, ...fields } = input;
  const data = parseInput(SignUpInput, fields);
  const problem = await passwordProblem(data.password, data);
  if (problem) throw new DomainError("WEAK_PASSWORD", problem);
  const wait = await takeRateLimitHit(prisma, signUpThrottle(), ip, now);
  if (wait > 0) {
    throw new DomainError("TOO_MANY_ATTEMPTS", `Too many sign-ups came from your network in the last hour. Try again in ${waitInWords(wait)}.`, {
      retryAfterSeconds: wait,
    });
  }
  const passwordHash = await hashPassword(data.password);
  const existing = await prisma.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (existing) throw emailTaken();
  try {
    return await runTransaction(prisma, async (tx) => {
      const user = await tx.user.create({
        data: { email: data.email, name: data.name, role: data.role, passwordHash, createdAt: now, emailVerifiedAt: options.emailVerified ? now : null, ...newProfile(data.role, now) },
        select: { id: true, email: true, name: true, role: true, createdAt: true },
      });
      if (!options.emailVerified) {
        const link = await issueAccountToken(tx, { userId: user.id, kind: "verify_email", email: user.email, now });
        await queueConfirmEmail(tx, { userId: user.id, name: user.name, to: user.email }, link, { changing: false, now });
      }
      const grant = user.role === "FREELANCER" ? await grantSignupConnects(tx, { userId: user.id, now }) : null;
      return { ...user, signupConnects: grant?.connects ?? 0 };
    });
  } catch (error) {
    // Two sign-ups with one email at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw emailTaken();
    throw error;
  }
}
