import type { PrismaClient } from "../client";
import { decodeTyped } from "../codec/typed-json";

// The event tests' own helper (packages/db/src/notifications/events-*.test.ts); the shared fixtures are in @fairlance/db/testing.

export interface WrittenNotification {
  userId: string;
  kind: string;
  eventKey: string;
  link: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
}

/**
 * Runs `action` and returns the notifications it wrote, to anyone, oldest first. A refused action
 * is awaited too (pass `expect(…).rejects…` as the action): what it wrote must be nothing.
 */
export async function notificationsWrittenBy(prisma: PrismaClient, action: () => Promise<unknown>): Promise<WrittenNotification[]> {
  const before = new Set((await prisma.notification.findMany({ select: { id: true } })).map((n) => n.id));
  await action();
  const rows = await prisma.notification.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows
    .filter((row) => !before.has(row.id))
    .map((row) => ({ userId: row.userId, kind: row.kind, eventKey: row.eventKey, link: row.link, title: row.title, body: row.body, data: decodeTyped<Record<string, unknown>>(row.data) }));
}
