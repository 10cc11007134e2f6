import { router } from "../../trpc";
import { listNotificationsProcedure } from "./list-notifications";
import { markAllReadProcedure } from "./mark-all-read";
import { markReadProcedure } from "./mark-read";
import { unreadCountProcedure } from "./unread-count";

export const notificationRouter = router({
  list: listNotificationsProcedure,
  unreadCount: unreadCountProcedure,
  markRead: markReadProcedure,
  markAllRead: markAllReadProcedure,
});
