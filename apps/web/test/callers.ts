import type { Session } from "next-auth";
import type { PrismaClient, Role } from "@fairlance/db";
import { appRouter } from "@/server/root";
import { createCallerFactory, createContextInner } from "@/server/trpc";

const createCaller = createCallerFactory(appRouter);

export const anonymousCaller = (prisma: PrismaClient) => createCaller(createContextInner({ session: null, prisma }));

/**
 * A caller signed in as `user` (sessionVersion: the person's session version when this session
 * began, 0 by default), at the real time or at `now` (the marketplace time of every call).
 */
export function callerFor(prisma: PrismaClient, user: { id: string; email: string; name: string; role: Role; sessionVersion?: number }, now?: Date) {
  const session: Session = { user, expires: new Date(Date.now() + 3_600_000).toISOString() };
  return createCaller(createContextInner({ session, prisma, ...(now ? { now: () => now } : {}) }));
}
