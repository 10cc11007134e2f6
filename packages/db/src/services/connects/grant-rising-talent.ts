import { lotExpiresAt } from "@fairlance/rules";
import { z } from "zod";
import type { PrismaClient } from "../../client";
import { issueLot, lockConnects } from "../../connects/connect-ledger";
import { DomainError } from "../../errors";
import { IdempotencyKey, idempotent, jsonCodec, scopedKey } from "../../idempotency";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { findFreelancer, requireAdmin } from "./actors";
import { writeAudit } from "./audit";
import { connectsBalance } from "./balance";
import { parseInput } from "./input";

export const GrantRisingTalentInput = z.object({
  actorId: z.uuid(),
  idempotencyKey: IdempotencyKey,
  now: z.date(),
  freelancerId: z.uuid({ message: "Choose a freelancer." }),
  reason: z.string().trim().min(3, "Say why the badge is awarded.").max(500, "Keep the reason under 500 characters."),
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

/** An admin awards the Rising Talent badge (RULES 2.1): once per freelancer, with its connects, audit-logged. */
export async function grantRisingTalent(prisma: PrismaClient, rawInput: GrantRisingTalentInput): Promise<RisingTalentAward> {
  const input = parseInput(GrantRisingTalentInput, rawInput);
  const { now, freelancerId } = input;
  const call = { operation: "connects.risingTalent", userId: input.actorId, key: input.idempotencyKey, request: { freelancerId, reason: input.reason } };
  return runTransaction(prisma, async (tx) => {
    await requireAdmin(tx, input.actorId);
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
