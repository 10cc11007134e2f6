import type { Db } from "./client";
import { secondsLeft } from "./auth/throttle";

/** At most `limit` uses of an action per subject (an address…) over a sliding window. */
export interface RateLimit {
  bucket: string;
  limit: number;
  windowMinutes: number;
}

/**
 * Records one use of a throttled action, then counts; so uses arriving together see each other
 * and at most `limit` of them pass. Returns 0 when the use is allowed (and stays counted), or the
 * seconds until one would be (the refused use is erased, so asking again does not prolong the wait).
 */
export async function takeRateLimitHit(db: Db, rule: RateLimit, subject: string, now: Date): Promise<number> {
  const { id } = await db.rateLimitHit.create({ data: { bucket: rule.bucket, subject, createdAt: now }, select: { id: true } });
  const where = { bucket: rule.bucket, subject, createdAt: { gt: new Date(now.getTime() - rule.windowMinutes * 60_000) }, id: { not: id } };
  const others = await db.rateLimitHit.count({ where });
  if (others < rule.limit) return 0;
  // This use fits once enough of the others have aged out of the window.
  const lastToAgeOut = await db.rateLimitHit.findFirst({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: others - rule.limit,
    select: { createdAt: true },
  });
  await db.rateLimitHit.delete({ where: { id } });
  return Math.max(1, lastToAgeOut ? secondsLeft(lastToAgeOut.createdAt, rule.windowMinutes * 60, now) : rule.windowMinutes * 60);
}
