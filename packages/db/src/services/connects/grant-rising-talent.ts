import { TEXT_RULES, lotExpiresAt } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { issueLot, lockConnects } from "../../connects/connect-ledger";
import { DomainError } from "../../errors";
import { IdempotencyKey, idempotent, jsonCodec, scopedKey, type IdempotentCall } from "../../idempotency";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { ChosenFreelancer, Text } from "../fields";
import { parseCall } from "../input";
import { findFreelancer } from "./actors";
import { writeAudit } from "./audit";
import { connectsBalance } from "./balance";
import { notify } from "../../notifications";
import { LINKS } from "../../notifications/event-helpers";

/** What the admin sends; who acts and when come with the call (ActorCall). */
export const GrantRisingTalentInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  freelancerId: ChosenFreelancer,
  reason: Text(TEXT_RULES.risingTalentReason),
});
export type GrantRisingTalentInput = z.input<typeof GrantRisingTalentInput>;

export interface RisingTalentAward {
  freelancerId: string;
  risingTalentAt: Date;
  connects: number;
  lotId: string | null;
  expiresAt: Date | null;
  balance: number;
}

/** An admin awards the Rising Talent badge (economy.md §2.1): once per freelancer, with its connects, audit-logged. */
export async function grantRisingTalent(prisma: PrismaClient, rawInput: GrantRisingTalentInput & ActorCall): Promise<RisingTalentAward> {
  const input = parseCall(GrantRisingTalentInput, rawInput);
  const { now, freelancerId } = input;
  const call: IdempotentCall = { operation: "connects.risingTalent", userId: input.actorId, key: input.idempotencyKey, request: { freelancerId, reason: input.reason } };
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, input, "ADMIN", "award the Rising Talent badge");
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        await lockConnects(tx, freelancerId);
        const freelancer = await findFreelancer(tx, freelancerId);
        if (freelancer.risingTalentAt) {
          throw new DomainError("CONFLICT", `${freelancer.name} already has the Rising Talent badge (since ${freelancer.risingTalentAt.toISOString().slice(0, 10)}).`);
        }
        const { settings } = await loadSettings(tx, now);
        const before = await connectsBalance(tx, freelancerId, now);
        await tx.user.update({ where: { id: freelancerId }, data: { risingTalentAt: now } });
        const connects = settings.risingTalentConnects;
        const expiresAt = connects > 0 ? lotExpiresAt(now, settings) : null;
        const lotId = expiresAt
          ? await issueLot(tx, { userId: freelancerId, key: scopedKey(call), now, reason: "rising_talent_grant", source: "RISING_TALENT", connects, expiresAt })
          : null;
        if (lotId && expiresAt) {
          await notify(tx, {
            userId: freelancerId,
            kind: "connects_granted",
            eventKey: `connects_granted:${lotId}`,
            data: { connects, reason: "with your Rising Talent badge", expiresAt },
            link: LINKS.connects(),
            now,
          });
        }
        const award: RisingTalentAward = { freelancerId, risingTalentAt: now, connects, lotId, expiresAt, balance: before + connects };
        await writeAudit(tx, {
          actorId: input.actorId,
          action: "connects.rising_talent.award",
          targetType: "User",
          targetId: freelancerId,
          before: { risingTalentAt: null, connectsBalance: before },
          after: { risingTalentAt: now, connectsBalance: award.balance, connectsGranted: connects, lotId },
          reason: input.reason,
          now,
        });
        return award;
      },
      jsonCodec<RisingTalentAward>(),
    );
    return result;
  });
}
