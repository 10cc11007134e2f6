/**
 * Waits between failed attempts: a few are free, then each further attempt waits twice as long
 * as the one before, up to a cap. Pure, so the numbers can be tested without a database.
 */
export interface BackoffPolicy {
  /** Failures before any wait. */
  freeFailures: number;
  /** The wait after the first failure beyond the free ones. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
}

/** How long after the latest failure the next attempt must wait, given how many failures came before it. */
export function backoffSeconds(failuresBefore: number, policy: BackoffPolicy): number {
  const beyondFree = failuresBefore - policy.freeFailures;
  if (beyondFree < 0) return 0;
  return Math.min(policy.firstDelaySeconds * 2 ** beyondFree, policy.maxDelaySeconds);
}

/** Whole seconds still to wait (0 when the wait is over). */
export function secondsLeft(since: Date, waitSeconds: number, now: Date): number {
  return Math.max(0, Math.ceil((since.getTime() + waitSeconds * 1000 - now.getTime()) / 1000));
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** A wait in words, rounded up to the unit a person reads ("30 seconds", "2 minutes", "1 hour"). */
export function waitInWords(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return plural(whole, "second");
  if (whole < 3600) return plural(Math.ceil(whole / 60), "minute");
  return plural(Math.ceil(whole / 3600), "hour");
}
