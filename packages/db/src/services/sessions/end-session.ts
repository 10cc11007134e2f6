import { z } from "zod";
import type { PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";

/** Which of their sessions the person ends (a row of the Account page's list). */
export const EndSessionInput = z.strictObject({ sessionId: Id("session") });
export type EndSessionInput = z.input<typeof EndSessionInput>;

/**
 * The person signs one of their browsers out from the Account page ("Sign out" on its row): that
 * session is refused from its next request. Another person's session, or one already ended, is
 * NOT_FOUND, like one that does not exist.
 */
export async function endSession(prisma: PrismaClient, input: EndSessionInput & ActorCall): Promise<{ sessionId: string }> {
  const data = parseCall(EndSessionInput, input);
  await requireActor(prisma, data, ["CLIENT", "FREELANCER", "ADMIN"], "sign out a session");
  const { count } = await prisma.userSession.updateMany({
    where: { id: data.sessionId, userId: data.actorId, endedAt: null },
    data: { endedAt: data.now, endedReason: "signed out from another browser" },
  });
  if (count === 0) throw new DomainError("NOT_FOUND", "That session does not exist or has already ended.");
  return { sessionId: data.sessionId };
}
