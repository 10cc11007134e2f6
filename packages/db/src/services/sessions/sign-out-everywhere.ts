import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { revokeSessions } from "./revoke-sessions";

/** The person ends every one of their sessions, on every device, this one included. */
export async function signOutEverywhere(prisma: PrismaClient, input: { userId: string }): Promise<{ sessionVersion: number }> {
  const exists = await prisma.user.findUnique({ where: { id: input.userId }, select: { id: true } });
  if (!exists) throw new DomainError("NOT_FOUND", "Your account no longer exists. Sign in again.");
  return { sessionVersion: await revokeSessions(prisma, input.userId) };
}
