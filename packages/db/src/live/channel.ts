import type { Tx } from "../client";

/**
 * The PostgreSQL channel that says "this person's notifications changed": its payload is the
 * user's id. Sent inside the transaction that changed them, so it is delivered only if that
 * transaction commits (PostgreSQL holds a NOTIFY until COMMIT and drops it on ROLLBACK), to every
 * web instance listening (live/listener.ts).
 */
export const NOTIFICATIONS_CHANNEL = "fairlance_notifications";

/** Tells the listening web instances, when `tx` commits, that `userId`'s notifications changed (a new one, or some read). */
export async function signalNotificationsChanged(tx: Tx, userId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${NOTIFICATIONS_CHANNEL}, ${userId})`;
}
