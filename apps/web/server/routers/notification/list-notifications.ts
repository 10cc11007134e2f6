import { listNotifications } from "@fairlance/db/read";
import { protectedProcedure } from "../../trpc";
import { ZNotificationListInput, ZNotificationPage } from "./notification.schema";

/** The person's notifications, newest first, a page at a time by cursor; only the unread ones on request. */
export const listNotificationsProcedure = protectedProcedure
  .input(ZNotificationListInput)
  .output(ZNotificationPage)
  .query(({ ctx, input }) => listNotifications(ctx.prisma, ctx.user.id, input));
