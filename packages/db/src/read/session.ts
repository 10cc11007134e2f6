import type { Db } from "../client";
import { ACTOR_COLUMNS, type Actor } from "../services/actor";

export interface SessionActor extends Actor {
  email: string;
}

/**
 * The person a session belongs to, or null when the session no longer counts: the account is
 * gone, or its sessions were ended (sign-out, a password change, a suspension, an admin's "sign
 * out everywhere") after this one began. A session carries the person's session version from when
 * it began; ending sessions raises the version, so every older token is refused at once, by the
 * one read of the user a request makes.
 */
export async function sessionActor(db: Db, id: string, sessionVersion: number): Promise<SessionActor | null> {
  const user = await db.user.findUnique({ where: { id }, select: { ...ACTOR_COLUMNS, email: true, sessionVersion: true } });
  if (!user || user.sessionVersion !== sessionVersion) return null;
  const { sessionVersion: _version, ...actor } = user;
  return actor;
}
