import { randomUUID } from "node:crypto";
import { leg, settingValueToJson, type MarketplaceSettings, type SettingKey } from "@fairlance/rules";
import { Prisma, type PrismaClient } from "../../client";
import { postTransfers } from "../../ledger/post-transfers";
import { runTransaction } from "../../transaction";

// The connects tests' own builders; the shared fixtures are in @fairlance/db/testing.

/** An admin change of a setting, effective from `effectiveFrom`. */
export async function setSetting<K extends SettingKey>(prisma: PrismaClient, key: K, value: MarketplaceSettings[K], effectiveFrom: Date) {
  const json = settingValueToJson(value);
  return prisma.settingVersion.create({
    data: { key, value: json === null ? Prisma.JsonNull : (json as Prisma.InputJsonValue), effectiveFrom, reason: "test" },
    select: { id: true },
  });
}

/** Puts money in a freelancer's Available balance, as if earned and cleared. */
export async function creditAvailable(prisma: PrismaClient, userId: string, amountMinor: bigint, now: Date) {
  await runTransaction(prisma, (tx) =>
    postTransfers(tx, leg({ kind: "card_gateway" }, { kind: "freelancer_available", userId }, amountMinor, "pending_cleared", "test earnings"), {
      key: `test-earnings:${randomUUID()}`,
      operation: "test.earnings",
      now,
      userId,
    }),
  );
}
