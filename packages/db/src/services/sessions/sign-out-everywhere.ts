import type { PrismaClient } from "../../client";
import { requireActor, type ActorCall } from "../actor";
import { revokeSessions } from "./revoke-sessions";

/** The person ends every one of their sessions, on every device, this one included. */
export async function signOutEverywhere(prisma: PrismaClient, call: ActorCall): Promise<{ sessionVersion: number }> {
  await requireActor(prisma, call, ["CLIENT", "FREELANCER", "ADMIN"], "sign out everywhere");
  return { sessionVersion: await revokeSessions(prisma, call.actorId, { reason: "signed out everywhere", now: call.now }) };
}
