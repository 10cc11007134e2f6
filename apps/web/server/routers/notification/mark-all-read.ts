import { MarkAllNotificationsReadInput, markAllNotificationsRead } from "@fairlance/db/services";
import { protectedProcedure } from "../../trpc";
import { ZMarkedRead } from "./notification.schema";

/** "Mark all as read": every unread notification of the person, as of now. */
export const markAllReadProcedure = protectedProcedure
  .input(MarkAllNotificationsReadInput)
  .output(ZMarkedRead)
  .mutation(({ ctx, input }) => markAllNotificationsRead(ctx.prisma, { ...input, ...ctx.caller }));
