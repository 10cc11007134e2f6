import type { Session } from "next-auth";
import type { PrismaClient, Role } from "@fairlance/db";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * The person a session belongs to, read from the database, or null when the session no longer
 * counts: the account is gone, or its sessions were ended (sign-out, a password change, a
 * suspension, an admin's "sign out everywhere") after this one began. A session carries the
 * person's session version from when it began (`sessionVersion`; tokens from before versions
 * existed count as version 0); ending sessions raises the version, so every older token is
 * refused at once, by the one read that also gives the current role.
 */
export async function sessionUser(prisma: PrismaClient, session: Session | null): Promise<SessionUser | null> {
  const id = session?.user?.id;
  if (!id) return null;
  const user = await prisma.user.findUnique({
    where: { id },
    select: { id: true, role: true, name: true, email: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== (session.user.sessionVersion ?? 0)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
