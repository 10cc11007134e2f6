import { MarkNotificationsReadInput, markNotificationsRead } from "@fairlance/db/services";
import { protectedProcedure } from "../../trpc";
import { ZMarkedRead } from "./notification.schema";

/** The person read these notifications of theirs (one they opened); marking one read again changes nothing. */
export const markReadProcedure = protectedProcedure
  .input(MarkNotificationsReadInput)
  .output(ZMarkedRead)
  .mutation(({ ctx, input }) => markNotificationsRead(ctx.prisma, { ...input, ...ctx.caller }));
