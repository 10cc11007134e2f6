import type { Session } from "next-auth";
import { currentTime, type PrismaClient } from "@fairlance/db";
import { sessionActor, type SessionActor } from "@fairlance/db/read";
import { SESSION_TOUCH_MINUTES, touchSession } from "@fairlance/db/services";

export type SessionUser = SessionActor;

/**
 * The person a session belongs to, read once per request, or null when the session no longer
 * counts (see sessionActor): its row was ended, or, for a cookie from before session rows, the
 * person's sessions were ended since it began (tokens from before session versions count as
 * version 0). The row's last-seen time is refreshed at most every SESSION_TOUCH_MINUTES.
 */
export async function sessionUser(prisma: PrismaClient, session: Session | null, now?: Date): Promise<SessionUser | null> {
  const id = session?.user?.id;
  if (!id) return null;
  const user = await sessionActor(prisma, id, session.user.sessionVersion ?? 0, session.user.sessionId ?? null);
  if (user?.sessionId && user.sessionLastSeenAt) {
    const at = now ?? (await currentTime(prisma));
    if (at.getTime() - user.sessionLastSeenAt.getTime() >= SESSION_TOUCH_MINUTES * 60_000) {
      await touchSession(prisma, user.sessionId, at).catch((error: unknown) => console.error("[auth] could not refresh a session:", (error as Error).message));
    }
  }
  return user;
}
