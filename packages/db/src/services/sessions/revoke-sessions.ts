import type { Db } from "../../client";

export interface SessionsEnding {
  /** Why, as the account page's list and the records say: "signed out everywhere", "password reset", "suspended"… */
  reason: string;
  now: Date;
  /** A session to keep (the browser that changed its password): every other one ends. */
  keep?: string | null;
}

/**
 * Ends every session of a person at once. A session signed in with a session row (its id rides in
 * the cookie as `sid`) counts while its row is not ended, so the rows are ended here, with the
 * reason; a session from before rows existed carries the version it began with, and the version is
 * raised so that it is refused too (see read/session.ts). Called on sign-out everywhere, a password
 * change or reset, a suspension and an admin's "sign out everywhere"; inside the caller's
 * transaction when it has one.
 */
export async function revokeSessions(db: Db, userId: string, ending: SessionsEnding): Promise<number> {
  const { sessionVersion } = await db.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  await db.userSession.updateMany({
    where: { userId, endedAt: null, ...(ending.keep ? { id: { not: ending.keep } } : {}) },
    data: { endedAt: ending.now, endedReason: ending.reason },
  });
  return sessionVersion;
}
