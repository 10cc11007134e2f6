import type { Db, Prisma } from "../client";
import { DomainError } from "../errors";

/** How many notifications a page of the list holds unless the caller asks for fewer. */
export const NOTIFICATION_PAGE_SIZE = 20;
/** The most one page may hold. */
export const MAX_NOTIFICATION_PAGE_SIZE = 50;

/** What the notifications page asks for: the page after `cursor` (the last id of the page before), only the unread ones when `unread`. */
export interface NotificationListQuery {
  cursor?: string;
  unread?: boolean;
  limit?: number;
}

export interface NotificationItem {
  id: string;
  kind: string;
  category: string;
  /** Written by the catalogue when the event happened, with its figures (amounts, connects, dates). */
  title: string;
  body: string;
  /** A path in the app (/contracts/…): where it happened. */
  link: string;
  createdAt: Date;
  readAt: Date | null;
}

export interface NotificationPage {
  items: NotificationItem[];
  /** The cursor of the next page (the last item's id), or null when this is the last page. */
  nextCursor: string | null;
  /** The person's unread notifications, all pages together. */
  unreadCount: number;
}

const ITEM_COLUMNS = { id: true, kind: true, category: true, title: true, body: true, link: true, createdAt: true, readAt: true } as const;

/** The refusal for a notification that is not the viewer's, exactly as for one that does not exist. */
export const notificationNotFound = () => new DomainError("NOT_FOUND", "That notification does not exist.");

/**
 * A link stored on a notification, as the page may follow it: a path inside the app. Anything else
 * (which the catalogue never writes) leads to the notifications page itself.
 */
export function safeNotificationLink(link: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(link) ? link : "/notifications";
}

/**
 * One person's notifications, newest first (then by id, so that two of the same moment keep their
 * order across pages), a page at a time by cursor. Only the viewer's own: a cursor that is not one
 * of theirs is NOT_FOUND, like one that does not exist.
 */
export async function listNotifications(db: Db, viewerId: string, query: NotificationListQuery = {}): Promise<NotificationPage> {
  const { cursor, unread } = query;
  const limit = Math.min(MAX_NOTIFICATION_PAGE_SIZE, Math.max(1, Math.trunc(query.limit ?? NOTIFICATION_PAGE_SIZE)));
  const where: Prisma.NotificationWhereInput = { userId: viewerId, ...(unread ? { readAt: null } : {}) };
  if (cursor) {
    const after = await db.notification.findFirst({ where: { id: cursor, userId: viewerId }, select: { id: true, createdAt: true } });
    if (!after) throw notificationNotFound();
    where.OR = [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }];
  }
  const [rows, unreadCount] = await Promise.all([
    db.notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit + 1, select: ITEM_COLUMNS }),
    unreadNotificationCount(db, viewerId),
  ]);
  const items = rows.slice(0, limit).map((row) => ({ ...row, link: safeNotificationLink(row.link) }));
  return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : null, unreadCount };
}

/** How many of the person's notifications are unread: the bell's number. */
export function unreadNotificationCount(db: Db, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}
