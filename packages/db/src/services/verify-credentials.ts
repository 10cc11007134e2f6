import type { PrismaClient, Role } from "../client";
import { dummyPasswordHash, verifyPassword } from "../auth/password";
import { DomainError } from "../errors";

/** Failures counted over this window; older ones are forgiven. */
export const LOGIN_THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerEmail: 5,
  maxFailuresPerIp: 20,
} as const;

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
 * Checks an email and password. Throws TOO_MANY_ATTEMPTS once an account or
 * an address has failed too often recently (checked before the password, so
 * a throttled guess learns nothing), INVALID_CREDENTIALS otherwise.
 *
 * The attempt is written down as a failure before anything is counted, so
 * guesses sent all at once see each other: of any number arriving together,
 * at most the limit get their password checked. A refused attempt is then
 * erased (being throttled does not prolong the lock) and a right password
 * marks its row a success.
 */
export async function verifyCredentials(prisma: PrismaClient, input: VerifyCredentialsInput): Promise<AuthenticatedUser> {
  const email = input.email.trim().toLowerCase();
  const since = new Date(input.now.getTime() - LOGIN_THROTTLE.windowMinutes * 60_000);
  const attempt = await prisma.loginAttempt.create({
    data: { email, ip: input.ip, succeeded: false, createdAt: input.now },
    select: { id: true },
  });
  const [byEmail, byIp] = await Promise.all([
    prisma.loginAttempt.count({ where: { email, succeeded: false, createdAt: { gte: since } } }),
    prisma.loginAttempt.count({ where: { ip: input.ip, succeeded: false, createdAt: { gte: since } } }),
  ]);
  // Both counts include this attempt.
  if (byEmail > LOGIN_THROTTLE.maxFailuresPerEmail || byIp > LOGIN_THROTTLE.maxFailuresPerIp) {
    await prisma.loginAttempt.delete({ where: { id: attempt.id } });
    throw new DomainError(
      "TOO_MANY_ATTEMPTS",
      `Too many failed sign-in attempts. Wait ${LOGIN_THROTTLE.windowMinutes} minutes and try again.`,
    );
  }

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok) throw new DomainError("INVALID_CREDENTIALS", "Wrong email or password.");
  await prisma.loginAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
