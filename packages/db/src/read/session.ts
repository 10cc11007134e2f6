import type { PrismaClient } from "../client";
import { prepared } from "../prepared";
import { sqlQuery } from "../sql";
import type { Actor } from "../services/actor";

export interface SessionActor extends Actor {
  email: string;
  /** The session row this request's cookie names (null for a session from before rows existed). */
  sessionId: string | null;
  /** When that session was last seen (null without a row): the caller refreshes it now and then (touchSession). */
  sessionLastSeenAt: Date | null;
}

/** No session row has this id: an older cookie names none. */
const NO_SESSION = "00000000-0000-4000-8000-000000000000";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The person a session belongs to, or null when the session no longer counts: the account is
 * gone, or the session was ended. A session signed in since session rows exist names its row
 * (`sessionId`): it counts while the row is not ended (signing out ends it; "sign out everywhere",
 * a password change or reset, a suspension end them all, a password change all but its own). A
 * session from before carries the person's session version from when it began; ending sessions
 * raises the version, so such a session is refused once anything ended the person's sessions. One
 * read (one statement) per request, on the client's pool without Prisma's client in between (sql.ts).
 */
export async function sessionActor(prisma: PrismaClient, id: string, sessionVersion: number, sessionId?: string | null): Promise<SessionActor | null> {
  if (!UUID.test(id) || (sessionId && !UUID.test(sessionId))) return null;
  // One round trip: the person and the session row their cookie names (none for an older cookie).
  const [user] = await sqlQuery<(Actor & { email: string; sessionVersion: number; rowId: string | null; endedAt: Date | null; lastSeenAt: Date | null })[]>(prisma, prepared`
    SELECT u.id, u.name, u.role, u."suspendedAt", u."suspendedReason", u.email, u."sessionVersion",
           s.id AS "rowId", s."endedAt", s."lastSeenAt"
    FROM "User" u LEFT JOIN "UserSession" s ON s."userId" = u.id AND s.id = ${sessionId ?? NO_SESSION}::uuid
    WHERE u.id = ${id}::uuid`);
  if (!user) return null;
  const { sessionVersion: version, rowId, endedAt, lastSeenAt, ...actor } = user;
  if (sessionId) {
    if (!rowId || endedAt) return null;
    return { ...actor, sessionId, sessionLastSeenAt: lastSeenAt };
  }
  if (version !== sessionVersion) return null;
  return { ...actor, sessionId: null, sessionLastSeenAt: null };
}
