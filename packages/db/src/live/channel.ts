import type { Tx } from "../client";
import { NOTIFICATION_CHANNEL } from "../notifications/notify";

/**
 * The PostgreSQL channel that says "this person's notifications changed" (the notification core's:
 * notify() announces a new one on it); its payload is the user's id. Sent inside the transaction
 * that changed them, so it is delivered only if that transaction commits (PostgreSQL holds a
 * NOTIFY until COMMIT and drops it on ROLLBACK), to every web instance listening (listener.ts).
 */
export { NOTIFICATION_CHANNEL };

/** Tells the listening web instances, when `tx` commits, that `userId`'s notifications changed (some read). */
export async function signalNotificationsChanged(tx: Tx, userId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${NOTIFICATION_CHANNEL}, ${userId})`;
}
