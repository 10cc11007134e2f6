import type { Tx } from "../../client";
import type { Prisma } from "../../client";

/**
 * The audit log's before/after, as people and SQL searches read them: plain JSON with a bigint
 * as {"$bigint": "1499"} and a date as ISO text. It is a record to read, never decoded back into
 * typed values (idempotent replays use the typed encoding, codec/typed-json.ts).
 */
const readable = (value: unknown): Prisma.InputJsonValue =>
  JSON.parse(JSON.stringify(value ?? null, (_key, item: unknown) => (typeof item === "bigint" ? { $bigint: item.toString() } : item))) as Prisma.InputJsonValue;

/** One append-only line of the admin audit log (RULES 6): who, what, before, after, why. */
export async function writeAudit(
  tx: Tx,
  entry: { actorId: string; action: string; targetType: string; targetId: string; before: unknown; after: unknown; reason: string; now: Date },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: readable(entry.before),
      after: readable(entry.after),
      reason: entry.reason,
      createdAt: entry.now,
    },
  });
}
