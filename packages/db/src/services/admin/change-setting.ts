import { TEXT_RULES, legacyTagged, SETTING_DEFINITIONS, settingValueToJson, validateSettingValue, type SettingKey } from "@fairlance/rules";
import { z } from "zod";
import { Prisma, type PrismaClient } from "../../client";
import { DomainError } from "../../errors";
import { IdempotencyKey, idempotent, jsonCodec, type IdempotentCall } from "../../idempotency";
import { loadSettings } from "../../settings/load-settings";
import { runTransaction } from "../../transaction";
import { writeAudit } from "../connects/audit";
import { requireActor, type ActorCall } from "../actor";
import { ChosenSetting, Text } from "../fields";
import { parseCall } from "../input";

/** What the admin sends; who acts and when come with the call (ActorCall). */
export const ChangeSettingInput = z.strictObject({
  idempotencyKey: IdempotencyKey,
  key: ChosenSetting,
  /** The new value in its own type (bigint cents for money); validated per key by the rules. */
  value: z.unknown(),
  /** When the change takes effect; null means now. Never in the past: history is not rewritten. */
  effectiveFrom: z.date("Choose when the change takes effect.").nullable(),
  reason: Text(TEXT_RULES.settingReason),
});
export type ChangeSettingInput = z.input<typeof ChangeSettingInput>;

export interface SettingChange {
  versionId: number;
  key: SettingKey;
  effectiveFrom: Date;
  /** The value in force at effectiveFrom before the change, and the new value (bigint cents for money). */
  before: unknown;
  after: unknown;
}

/**
 * An admin changes one [admin] value (economy.md §0.5, §6): validated by the rules, effective now or
 * later (never earlier), with a reason. A new SettingVersion row (the table is append-only) and
 * an audit line with the value in force at the effective time before and after. What was priced
 * before the effective time keeps its settings version, so nothing is re-priced.
 */
export async function changeSetting(prisma: PrismaClient, rawInput: ChangeSettingInput & ActorCall): Promise<SettingChange> {
  const input = parseCall(ChangeSettingInput, rawInput);
  const { actorId, now, key, reason } = input;
  const effectiveFrom = input.effectiveFrom ?? now;
  if (effectiveFrom.getTime() < now.getTime()) {
    throw new DomainError("INVALID_REQUEST", "A change cannot take effect in the past. Choose now or a later time.");
  }
  const value = validateSettingValue(key, input.value);
  // Keys stored before the typed encoding hashed the value {"$bigint"}-tagged (legacyRequest).
  const call: IdempotentCall = {
    operation: "settings.change",
    userId: actorId,
    key: input.idempotencyKey,
    request: { key, after: value, effectiveFrom, reason },
    legacyRequest: { key, after: legacyTagged(value), effectiveFrom, reason },
  };
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, input, "ADMIN", "change settings");
    const { result } = await idempotent(
      tx,
      call,
      async () => {
        // One change at a time, so "before" is the value really replaced.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('settings.change', 0))`;
        const { settings } = await loadSettings(tx, effectiveFrom);
        const before: unknown = settings[key];
        const version = await tx.settingVersion.create({
          data: { key, value: settingValueToJson(value) as Prisma.InputJsonValue, effectiveFrom, createdById: actorId, reason, createdAt: now },
          select: { id: true },
        });
        await writeAudit(tx, {
          actorId,
          action: "setting.change",
          targetType: "Setting",
          targetId: key,
          before: { value: before, label: SETTING_DEFINITIONS[key].label },
          after: { value, effectiveFrom: effectiveFrom.toISOString(), versionId: version.id },
          reason,
          now,
        });
        return { versionId: version.id, key, effectiveFrom, before, after: value };
      },
      jsonCodec<SettingChange>(),
    );
    return result;
  });
}
