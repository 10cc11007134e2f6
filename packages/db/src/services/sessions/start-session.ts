import type { PrismaClient } from "../../client";

/** How much of the browser's User-Agent is kept. */
export const USER_AGENT_MAX = 300;
/** A session's last-seen time is written at most this often (every request reads it). */
export const SESSION_TOUCH_MINUTES = 5;

export interface StartedSession {
  sessionId: string;
  /** The person's session version now (a session without a row is checked against it). */
  sessionVersion: number;
}

/**
 * Records a sign-in: one row per signed-in browser, with what it called itself and the address it
 * came from, listed on the Account page until it ends. Called by the web app's sign-in after the
 * password was checked.
 */
export async function startSession(prisma: PrismaClient, input: { userId: string; userAgent: string; ip: string; now: Date }): Promise<StartedSession> {
  const userAgent = [...input.userAgent.replace(/[\p{Cc}\p{Cf}]/gu, "")].slice(0, USER_AGENT_MAX).join("").trim() || "Unknown browser";
  const [session, user] = await prisma.$transaction([
    prisma.userSession.create({ data: { userId: input.userId, userAgent, ip: input.ip.slice(0, 100), createdAt: input.now, lastSeenAt: input.now }, select: { id: true } }),
    prisma.user.findUniqueOrThrow({ where: { id: input.userId }, select: { sessionVersion: true } }),
  ]);
  return { sessionId: session.id, sessionVersion: user.sessionVersion };
}

/** The session was used: its last-seen time moves, at most every SESSION_TOUCH_MINUTES (the caller checks). Never revives an ended one. */
export async function touchSession(prisma: PrismaClient, sessionId: string, now: Date): Promise<void> {
  await prisma.userSession.updateMany({
    where: { id: sessionId, endedAt: null, lastSeenAt: { lt: new Date(now.getTime() - SESSION_TOUCH_MINUTES * 60_000) } },
    data: { lastSeenAt: now },
  });
}

/** Signing out ends this browser's session only (the others stay signed in). */
export async function endSignedOutSession(prisma: PrismaClient, input: { userId: string; sessionId: string; now: Date }): Promise<void> {
  await prisma.userSession.updateMany({ where: { id: input.sessionId, userId: input.userId, endedAt: null }, data: { endedAt: input.now, endedReason: "signed out" } });
}
