import type { Session } from "next-auth";
import type { PrismaClient } from "@fairlance/db";
import { sessionActor, type SessionActor } from "@fairlance/db/read";

export type SessionUser = SessionActor;

/**
 * The person a session belongs to, read once per request, or null when the session no longer
 * counts (see sessionActor). Tokens from before session versions existed count as version 0.
 */
export async function sessionUser(prisma: PrismaClient, session: Session | null): Promise<SessionUser | null> {
  const id = session?.user?.id;
  if (!id) return null;
  return sessionActor(prisma, id, session.user.sessionVersion ?? 0);
}
