import type { Db } from "../client";
import { ACTOR_COLUMNS, type Actor } from "../services/actor";

export interface SessionActor extends Actor {
  email: string;
  /** The session row this request's cookie names (null for a session from before rows existed). */
  sessionId: string | null;
  /** When that session was last seen (null without a row): the caller refreshes it now and then (touchSession). */
  sessionLastSeenAt: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The person a session belongs to, or null when the session no longer counts: the account is
 * gone, or the session was ended. A session signed in since session rows exist names its row
 * (`sessionId`): it counts while the row is not ended (signing out ends it; "sign out everywhere",
 * a password change or reset, a suspension end them all, a password change all but its own). A
 * session from before carries the person's session version from when it began; ending sessions
 * raises the version, so such a session is refused once anything ended the person's sessions. One
 * read per request.
 */
export async function sessionActor(db: Db, id: string, sessionVersion: number, sessionId?: string | null): Promise<SessionActor | null> {
  if (sessionId && !UUID.test(sessionId)) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: {
      ...ACTOR_COLUMNS,
      email: true,
      sessionVersion: true,
      sessions: { where: { id: sessionId ?? "00000000-0000-4000-8000-000000000000" }, select: { endedAt: true, lastSeenAt: true } },
    },
  });
  if (!user) return null;
  const { sessionVersion: version, sessions, ...actor } = user;
  if (sessionId) {
    const row = sessions[0];
    if (!row || row.endedAt) return null;
    return { ...actor, sessionId, sessionLastSeenAt: row.lastSeenAt };
  }
  if (version !== sessionVersion) return null;
  return { ...actor, sessionId: null, sessionLastSeenAt: null };
}
