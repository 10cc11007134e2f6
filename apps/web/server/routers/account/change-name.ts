import { changeName, ChangeNameInput } from "@fairlance/db/services";
import { protectedProcedure } from "../../trpc";
import { ZChangedName } from "./account.schema";

/** The name others see on proposals, contracts and the profile. */
export const changeNameProcedure = protectedProcedure
  .input(ChangeNameInput)
  .output(ZChangedName)
  .mutation(({ ctx, input }) => changeName(ctx.prisma, { ...input, ...ctx.caller }));
