import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../client";

export interface TestNotificationOptions {
  /** "Test notification n" unless given. */
  title?: string;
  body?: string;
  link?: string;
  /** The database's now unless given. */
  createdAt?: Date;
  readAt?: Date | null;
  kind?: string;
  category?: string;
}

let made = 0;
/** Numbering from 1 again: vitest-setup.ts calls it before each test file (the files share this module). */
export function restartNotificationNumbering() {
  made = 0;
}

/**
 * A notification put straight into a person's list, for tests of the list, the bell and its live
 * updates (not of the catalogue: operations notify through `notify`, which renders the words).
 * Nothing is signalled: a test of live updates sends its own signal.
 */
export async function makeNotification(prisma: PrismaClient, userId: string, options: TestNotificationOptions = {}): Promise<{ id: string; createdAt: Date }> {
  const n = ++made;
  return prisma.notification.create({
    data: {
      userId,
      kind: options.kind ?? "milestone_funded",
      category: options.category ?? "contracts",
      data: {},
      title: options.title ?? `Test notification ${n}`,
      body: options.body ?? `Something happened (${n}).`,
      eventKey: `test:${randomUUID()}`,
      link: options.link ?? "/dashboard",
      createdAt: options.createdAt ?? new Date(),
      readAt: options.readAt ?? null,
    },
    select: { id: true, createdAt: true },
  });
}
