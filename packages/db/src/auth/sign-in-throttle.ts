import type { Db } from "../client";
import { DomainError } from "../errors";
import { backoffSeconds, secondsLeft, waitInWords, type BackoffPolicy } from "./throttle";

/**
 * Password guesses are slowed, never refused outright: an account is not locked, so nobody can
 * lock its owner out. Two limits, each with growing waits (README, "Accounts and passwords"):
 * - one account from one address: failures since that address last signed in to that account;
 * - one address, whatever the accounts: all its failures (signing in to one's own account does
 *   not reset them, or an attacker with an account would reset them at will).
 * The right password from an address that has not failed is therefore always accepted.
 */
export const LOGIN_THROTTLE = {
  /** Failures older than this are forgiven. */
  windowHours: 24,
  perAccountAndAddress: { freeFailures: 5, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60 },
  perAddress: { freeFailures: 30, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60 },
} as const satisfies { windowHours: number; perAccountAndAddress: BackoffPolicy; perAddress: BackoffPolicy };

export interface SignInAttempt {
  /** The account's email, trimmed and lower-case. */
  email: string;
  ip: string;
  now: Date;
}

type FailureTally = { _count: { _all: number }; _max: { createdAt: Date | null } };

function waitFor(tally: FailureTally, policy: BackoffPolicy, now: Date): number {
  const latest = tally._max.createdAt;
  const wait = backoffSeconds(tally._count._all, policy);
  return latest && wait > 0 ? secondsLeft(latest, wait, now) : 0;
}

/** Seconds the attempt `attemptId` must still wait, counting the failures recorded before or alongside it. */
async function secondsToWait(db: Db, attempt: SignInAttempt, attemptId: bigint): Promise<number> {
  const since = new Date(attempt.now.getTime() - LOGIN_THROTTLE.windowHours * 3_600_000);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email: attempt.email, ip: attempt.ip, succeeded: true, createdAt: { gt: since } },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  const others = { succeeded: false, createdAt: { gt: since } };
  const tally = { _count: { _all: true }, _max: { createdAt: true } } as const;
  const [pair, address] = await Promise.all([
    db.loginAttempt.aggregate({
      where: { ...others, email: attempt.email, ip: attempt.ip, id: { not: attemptId, ...(lastSuccess ? { gt: lastSuccess.id } : {}) } },
      ...tally,
    }),
    db.loginAttempt.aggregate({ where: { ...others, ip: attempt.ip, id: { not: attemptId } }, ...tally }),
  ]);
  return Math.max(waitFor(pair, LOGIN_THROTTLE.perAccountAndAddress, attempt.now), waitFor(address, LOGIN_THROTTLE.perAddress, attempt.now));
}

/**
 * Writes the attempt down as a failure, then counts; so guesses sent all at once see each other
 * and at most the free allowance of them go on to a password check (each later one sees a
 * failure "just now" and must wait). A refused attempt is erased again: being throttled does not
 * prolong the wait. Returns the attempt's id for `signInSucceeded`.
 */
export async function beginSignInAttempt(db: Db, attempt: SignInAttempt): Promise<bigint> {
  const { id } = await db.loginAttempt.create({
    data: { email: attempt.email, ip: attempt.ip, succeeded: false, createdAt: attempt.now },
    select: { id: true },
  });
  const wait = await secondsToWait(db, attempt, id);
  if (wait > 0) {
    await db.loginAttempt.delete({ where: { id } });
    throw new DomainError("TOO_MANY_ATTEMPTS", `Too many wrong passwords were tried. Try again in ${waitInWords(wait)}.`, {
      retryAfterSeconds: wait,
    });
  }
  return id;
}

/** The right password: the attempt is no failure, and the account's count from this address starts again. */
export async function signInSucceeded(db: Db, attemptId: bigint): Promise<void> {
  await db.loginAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
}
