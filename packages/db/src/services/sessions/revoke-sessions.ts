import type { Db } from "../../client";

/**
 * Ends every session of a person at once: each session carries the version it began with, and
 * the API and the pages refuse one whose version is no longer the person's (see apps/web
 * server/viewer.ts). Called on sign-out, a password change, a suspension and an admin's
 * "sign out everywhere"; inside the caller's transaction when it has one.
 */
export async function revokeSessions(db: Db, userId: string): Promise<number> {
  const { sessionVersion } = await db.user.update({
    where: { id: userId },
    data: { sessionVersion: { increment: 1 } },
    select: { sessionVersion: true },
  });
  return sessionVersion;
}
