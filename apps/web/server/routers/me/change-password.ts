import { z } from "zod";
import { changePassword, ChangePasswordInput } from "@fairlance/db/services";
import { protectedProcedure } from "../../trpc";

export const ZSessionsEnded = z.object({ sessionVersion: z.number().int() });

/** The person's new password; every session ends, this one included (the page then signs out). */
export const changePasswordProcedure = protectedProcedure
  .input(ChangePasswordInput)
  .output(ZSessionsEnded)
  .mutation(({ ctx, input }) => changePassword(ctx.prisma, { ...input, ...ctx.caller, ip: ctx.clientAddress }));
