import { z } from "zod";
import type { PrismaClient } from "../../client";
import { signalNotificationsChanged } from "../../live/channel";
import { notificationNotFound, unreadNotificationCount } from "../../read/notifications";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { Id, parseCall } from "../input";

/** The most notifications one call marks. */
export const MAX_MARK_READ = 100;

/** What the person sends: the notifications they read. Who acts and when come with the call (ActorCall). */
export const MarkNotificationsReadInput = z.strictObject({
  ids: z
    .array(Id("notification"), "Say which notifications to mark as read.")
    .min(1, "Say which notifications to mark as read.")
    .max(MAX_MARK_READ, `Mark at most ${MAX_MARK_READ} notifications as read at once.`),
});
export type MarkNotificationsReadInput = z.input<typeof MarkNotificationsReadInput>;

export interface MarkedRead {
  /** How many of them were unread until now. */
  marked: number;
  /** The person's unread notifications after this. */
  unreadCount: number;
}

/** Everyone signed in has notifications: clients, freelancers and admins. */
export const ANY_ROLE = ["CLIENT", "FREELANCER", "ADMIN"] as const;

/**
 * The person read these notifications (opened them from the bell or the notifications page).
 * Only their own: one that is not theirs is NOT_FOUND, like one that does not exist, and then
 * nothing is marked. Marking one already read changes nothing (it keeps the moment it was first
 * read), so it needs no key. The bells of the person's open pages hear of it (live/channel.ts).
 */
export async function markNotificationsRead(prisma: PrismaClient, input: MarkNotificationsReadInput & ActorCall): Promise<MarkedRead> {
  const data = parseCall(MarkNotificationsReadInput, input);
  const ids = [...new Set(data.ids)];
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, data, ANY_ROLE, "read notifications");
    const own = await tx.notification.count({ where: { id: { in: ids }, userId: data.actorId } });
    if (own !== ids.length) throw notificationNotFound();
    const { count } = await tx.notification.updateMany({ where: { id: { in: ids }, userId: data.actorId, readAt: null }, data: { readAt: data.now } });
    if (count > 0) await signalNotificationsChanged(tx, data.actorId);
    return { marked: count, unreadCount: await unreadNotificationCount(tx, data.actorId) };
  });
}
