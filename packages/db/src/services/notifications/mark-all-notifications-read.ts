import { z } from "zod";
import type { PrismaClient } from "../../client";
import { signalNotificationsChanged } from "../../live/channel";
import { unreadNotificationCount } from "../../read/notifications";
import { runTransaction } from "../../transaction";
import { requireActor, type ActorCall } from "../actor";
import { parseCall } from "../input";
import { ANY_ROLE, type MarkedRead } from "./mark-notifications-read";

/**
 * "Mark all as read": nothing to type (any field is refused). Typed as an object schema so that
 * `MarkAllNotificationsReadInput & ActorCall` is the call itself (as RunReconciliationInput).
 */
export const MarkAllNotificationsReadInput: z.ZodType<object, object> = z.strictObject({});
export type MarkAllNotificationsReadInput = z.input<typeof MarkAllNotificationsReadInput>;

/**
 * Every notification the person has not read yet, as of now. Doing it twice changes nothing the
 * second time, so it needs no key. The bells of the person's open pages hear of it (live/channel.ts).
 */
export async function markAllNotificationsRead(prisma: PrismaClient, input: MarkAllNotificationsReadInput & ActorCall): Promise<MarkedRead> {
  const call = parseCall(MarkAllNotificationsReadInput, input);
  return runTransaction(prisma, async (tx) => {
    await requireActor(tx, call, ANY_ROLE, "read notifications");
    const { count } = await tx.notification.updateMany({ where: { userId: call.actorId, readAt: null }, data: { readAt: call.now } });
    if (count > 0) await signalNotificationsChanged(tx, call.actorId);
    // One that arrived while this ran is still unread: the count says so.
    return { marked: count, unreadCount: await unreadNotificationCount(tx, call.actorId) };
  });
}
