import { changeEmail, ChangeEmailInput } from "@fairlance/db/services";
import { protectedProcedure } from "../../trpc";
import { ZRequestedEmailChange } from "./account.schema";

/** A new email, confirmed by a link sent to it (economy.md §13); the current password is required. */
export const changeEmailProcedure = protectedProcedure
  .input(ChangeEmailInput)
  .output(ZRequestedEmailChange)
  .mutation(({ ctx, input }) => changeEmail(ctx.prisma, { ...input, ...ctx.caller, ip: ctx.clientAddress }));
