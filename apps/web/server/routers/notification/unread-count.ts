import { unreadNotificationCount } from "@fairlance/db/read";
import { protectedProcedure } from "../../trpc";
import { ZUnreadCount, ZUnreadCountInput } from "./notification.schema";

/** The bell's number: the person's unread notifications (the bell polls it when live updates cannot reach it). */
export const unreadCountProcedure = protectedProcedure
  .input(ZUnreadCountInput)
  .output(ZUnreadCount)
  .query(({ ctx }) => unreadNotificationCount(ctx.prisma, ctx.user.id));
