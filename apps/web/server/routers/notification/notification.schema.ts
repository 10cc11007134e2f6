import { z } from "zod";
import { Id } from "@fairlance/db/services";
import { MAX_NOTIFICATION_PAGE_SIZE } from "@fairlance/db/read";

/** A page of the notifications list: after `cursor` (the last id of the page before), only unread ones when `unread`. */
export const ZNotificationListInput = z.strictObject({
  cursor: Id("notification").optional(),
  unread: z.boolean("Say true or false: only unread notifications, or all.").optional(),
  limit: z
    .number("The page size must be a whole number.")
    .int("The page size must be a whole number.")
    .min(1, "A page holds at least 1 notification.")
    .max(MAX_NOTIFICATION_PAGE_SIZE, `A page holds at most ${MAX_NOTIFICATION_PAGE_SIZE} notifications.`)
    .optional(),
});

export const ZNotificationItem = z.object({
  id: z.string(),
  kind: z.string(),
  category: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

export const ZNotificationPage = z.object({
  items: z.array(ZNotificationItem),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});

/** The bell's question takes nothing (any field is refused); it may be asked without an input. */
export const ZUnreadCountInput = z.strictObject({}).optional();
export const ZUnreadCount = z.number().int();

export const ZMarkedRead = z.object({ marked: z.number().int(), unreadCount: z.number().int() });
