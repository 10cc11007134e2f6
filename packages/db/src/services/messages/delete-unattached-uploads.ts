import { ATTACHMENT_RULES } from "@fairlance/rules";
import type { PrismaClient } from "../../client";
import { fileStore } from "../../files/config";
import type { FileStore } from "../../files/storage";
import { runTransaction } from "../../transaction";
import type { SystemCall } from "../actor";

/** Rows deleted per transaction. */
const BATCH = 500;

/**
 * The runner's `delete_unattached_uploads` (economy.md §5.1): uploads that no message or
 * submission took within ATTACHMENT_RULES.unattachedHours are deleted, rows first (locked, so a
 * message taking one at that moment wins or waits), then their files once the rows are gone.
 * Idempotent: a second run at the same `now` finds nothing.
 */
export async function deleteUnattachedUploads(prisma: PrismaClient, call: SystemCall, deps: { store?: FileStore } = {}): Promise<{ deleted: number }> {
  const before = new Date(call.now.getTime() - ATTACHMENT_RULES.unattachedHours * 3_600_000);
  const store = deps.store ?? fileStore();
  let deleted = 0;
  for (;;) {
    const keys = await runTransaction(prisma, async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; fileKey: string }[]>`
        SELECT id, "fileKey" FROM "Attachment"
        WHERE "messageId" IS NULL AND "milestoneId" IS NULL AND "createdAt" < ${before}
        ORDER BY "createdAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      if (rows.length > 0) await tx.attachment.deleteMany({ where: { id: { in: rows.map((row) => row.id) }, messageId: null, milestoneId: null } });
      return rows.map((row) => row.fileKey);
    });
    for (const key of keys) {
      await store.delete(key).catch((error: unknown) => console.error(`[uploads] could not delete ${key}:`, error));
    }
    deleted += keys.length;
    if (keys.length < BATCH) return { deleted };
  }
}
