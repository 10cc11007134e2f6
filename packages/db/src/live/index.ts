// @fairlance/db/live: notifications as they happen (issue 16). README, "Notifications in the app".
import { getPrisma } from "../client";
import { dbEnv } from "../env";
import { unreadNotificationCount } from "../read/notifications";
import { NotificationListener } from "./listener";
import { UnreadCounts } from "./unread-counts";

export { NOTIFICATION_CHANNEL, signalNotificationsChanged } from "./channel";
export { NotificationListener, type ListenerOptions } from "./listener";
export { MAX_STREAMS, MAX_STREAMS_PER_USER, UnreadCounts, type SignalSource, type UnreadCountsOptions, type Watch } from "./unread-counts";

/**
 * The connection to LISTEN on: DATABASE_DIRECT_URL when set (behind PgBouncer in transaction mode,
 * a LISTEN needs a direct connection), else DATABASE_URL (which the start scripts set to the
 * embedded PostgreSQL's when the person did not).
 */
export function listenDatabaseUrl(): string {
  const url = dbEnv.DATABASE_DIRECT_URL ?? dbEnv.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set, so live updates have no database to listen to. Start the app with `pnpm start` or `pnpm dev`, or set DATABASE_URL.");
  return url;
}

const globalForLive = globalThis as unknown as { fairlanceUnreadCounts?: UnreadCounts };

/**
 * The web instance's live unread counts: one LISTEN connection for the process, fanned out to its
 * open streams (app/api/notifications/stream/route.ts). Made on first use.
 */
export function liveUnreadCounts(): UnreadCounts {
  if (!globalForLive.fairlanceUnreadCounts) {
    const signals = new NotificationListener({ connectionString: listenDatabaseUrl() });
    globalForLive.fairlanceUnreadCounts = new UnreadCounts({ signals, readCount: (userId) => unreadNotificationCount(getPrisma(), userId) });
  }
  return globalForLive.fairlanceUnreadCounts;
}
