import type { Tx } from "../../client";
import { jsonCodec } from "../../idempotency";

const json = jsonCodec<unknown>();

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
      before: json.encode(entry.before),
      after: json.encode(entry.after),
      reason: entry.reason,
      createdAt: entry.now,
    },
  });
}
