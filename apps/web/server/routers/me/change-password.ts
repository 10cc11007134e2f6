import { z } from "zod";
import { changePassword, ChangePasswordInput } from "@fairlance/db/services";
import { protectedProcedure } from "../../trpc";

export const ZSessionsEnded = z.object({ sessionVersion: z.number().int() });
export const ZChangedPassword = ZSessionsEnded.extend({ keptThisSession: z.boolean() });

/** The person's new password; every other session ends, and this one stays unless it began before session rows (the page then signs out). */
export const changePasswordProcedure = protectedProcedure
  .input(ChangePasswordInput)
  .output(ZChangedPassword)
  .mutation(({ ctx, input }) => changePassword(ctx.prisma, { ...input, ...ctx.caller, ip: ctx.clientAddress, sessionId: ctx.user.sessionId }));
