import type { PrismaClient, Role } from "../client";
import { dummyPasswordHash, verifyPassword } from "../auth/password";
import { beginSignInAttempt, signInSucceeded } from "../auth/sign-in-throttle";
import { DomainError } from "../errors";

export { LOGIN_THROTTLE } from "../auth/sign-in-throttle";

export interface VerifyCredentialsInput {
  email: string;
  password: string;
  ip: string;
  now: Date;
}

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * Checks an email and password. Throws TOO_MANY_ATTEMPTS, saying how long to wait, while this
 * account from this address or this address altogether has failed too often (checked before
 * the password, so a throttled guess learns nothing), INVALID_CREDENTIALS otherwise.
 */
export async function verifyCredentials(prisma: PrismaClient, input: VerifyCredentialsInput): Promise<AuthenticatedUser> {
  const email = input.email.trim().toLowerCase();
  const attemptId = await beginSignInAttempt(prisma, { email, ip: input.ip, now: input.now });
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok) throw new DomainError("INVALID_CREDENTIALS", "Wrong email or password.");
  await signInSucceeded(prisma, attemptId);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
