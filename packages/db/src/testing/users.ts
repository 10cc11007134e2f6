import { randomUUID } from "node:crypto";
import type { PrismaClient, Role } from "../client";
import { hashPassword } from "../auth/password";
import { newProfile } from "../services/profiles/new-profile";

/** What a test knows of a person it made: enough for a session (`callerFor`) or a sign-in. */
export interface TestUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface UserOptions {
  /** "Test client 3" unless given. */
  name?: string;
  /** `client-<uuid>@test.local` unless given: unique in any database. */
  email?: string;
  /** A real password (hashed with the app's argon2id), for sign-in tests. Without one the hash is a placeholder no password matches. */
  password?: string;
  /** An already computed hash (the bench reuses one hash for many people). */
  passwordHash?: string;
  /** Suspended since `createdAt` (or now), for this reason (`true`: "Suspended by a test"). */
  suspended?: boolean | string;
  /** When the account was made (member since); the database's now unless given. */
  createdAt?: Date;
  /** When the person was awarded Rising Talent. */
  risingTalentAt?: Date;
  /** An account whose email is not confirmed yet (fixtures are verified unless asked). */
  unverified?: boolean;
}

let made = 0;
/** Numbering from 1 again: vitest-setup.ts calls it before each test file (the files share this module). */
export function restartUserNumbering() {
  made = 0;
}

/**
 * The one user factory of the tests (db, web) and the bench: a person inserted directly,
 * with a unique email and name unless given. Sign-up itself (SIGNUP connects, the throttle)
 * is tested through the signUp service; `signedUpPerson` goes through it.
 */
export async function makeUser(prisma: PrismaClient, role: Role, options: UserOptions = {}): Promise<TestUser> {
  const n = ++made;
  const reason = options.suspended === true ? "Suspended by a test" : options.suspended || null;
  return prisma.user.create({
    data: {
      email: options.email ?? `${role.toLowerCase()}-${randomUUID()}@test.local`,
      name: options.name ?? `Test ${role.toLowerCase()} ${n}`,
      role,
      passwordHash: options.passwordHash ?? (options.password === undefined ? "not-a-real-hash" : await hashPassword(options.password)),
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
      ...(reason ? { suspendedAt: options.createdAt ?? new Date(), suspendedReason: reason } : {}),
      ...(options.risingTalentAt ? { risingTalentAt: options.risingTalentAt } : {}),
      emailVerifiedAt: options.unverified ? null : (options.createdAt ?? new Date()),
      ...newProfile(role, options.createdAt ?? new Date()),
    },
    select: { id: true, email: true, name: true, role: true },
  });
}

/** Gives a test account a real password (fixtures are often made with a placeholder hash). */
export async function setPassword(prisma: PrismaClient, userId: string, password: string): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
}
