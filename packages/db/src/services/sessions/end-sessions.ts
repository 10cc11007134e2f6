import { TEXT_RULES } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { IdempotencyKey, idempotent, jsonCodec } from "../../idempotency";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { writeAudit } from "../connects/audit";
import { ChosenPerson, noSuchPerson, Text } from "../fields";
import { parseCall } from "../input";
import { revokeSessions } from "./revoke-sessions";
import { notify } from "../../notifications";
import { LINKS, withoutFinalStop } from "../../notifications/event-helpers";

/** What the admin sends; who acts and when come with the call (ActorCall). */
export const EndSessionsInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  userId: ChosenPerson,
  reason: Text(TEXT_RULES.endSessionsReason),
});
export type EndSessionsInput = z.input<typeof EndSessionsInput>;

export interface EndedSessions {
  userId: string;
  sessionVersion: number;
}

/**
 * An admin signs a person out on every device at once (a stolen session, a shared computer):
 * every session that began before is refused from the next request on. Audit-logged, idempotent.
 */
export async function endSessions(prisma: PrismaClient, rawInput: EndSessionsInput & ActorCall): Promise<EndedSessions> {
  const input = parseCall(EndSessionsInput, rawInput);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, input, "ADMIN", "sign people out everywhere");
    const { result } = await idempotent(
      tx,
      { operation: "user.endSessions", userId: input.actorId, key: input.idempotencyKey, request: { userId: input.userId, reason: input.reason } },
      async () => {
        const user = await tx.user.findUnique({ where: { id: input.userId }, select: { sessionVersion: true } });
        if (!user) throw noSuchPerson();
        const sessionVersion = await revokeSessions(tx, input.userId);
        const auditId = await writeAudit(tx, {
          actorId: input.actorId,
          action: "user.end_sessions",
          targetType: "User",
          targetId: input.userId,
          before: { sessionVersion: user.sessionVersion },
          after: { sessionVersion },
          reason: input.reason,
          now: input.now,
        });
        await notify(tx, {
          userId: input.userId,
          kind: "sessions_ended",
          eventKey: `sessions_ended:${auditId}`,
          data: { reason: withoutFinalStop(input.reason) },
          link: LINKS.account(),
          now: input.now,
        });
        return { userId: input.userId, sessionVersion };
      },
      jsonCodec<EndedSessions>(),
    );
    return result;
  });
}
