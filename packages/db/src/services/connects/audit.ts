import type { Tx } from "../../client";
import type { Prisma } from "../../client";
import { typedColumn } from "../../codec/typed-json";

/**
 * The audit log's before/after, in the one typed encoding (codec/typed-json.ts): `json` is the
 * plain JSON a person or an SQL search reads (a bigint as its digits, a date as ISO text), and
 * `meta` says which of them were bigints and dates. Rows written before it hold {"$bigint": "…"}
 * tags; read/admin-audit.ts reads both.
 */
const recorded = (value: unknown): Prisma.InputJsonValue => typedColumn(value ?? null) as Prisma.InputJsonValue;

/** One append-only line of the admin audit log (economy.md §6): who, what, before, after, why. Returns its id. */
export async function writeAudit(
  tx: Tx,
  entry: { actorId: string; action: string; targetType: string; targetId: string; before: unknown; after: unknown; reason: string; now: Date },
): Promise<string> {
  const line = await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: recorded(entry.before),
      after: recorded(entry.after),
      reason: entry.reason,
      createdAt: entry.now,
    },
    select: { id: true },
  });
  return String(line.id);
}
