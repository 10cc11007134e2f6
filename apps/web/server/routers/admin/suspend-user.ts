import { SuspendUserInput, suspendUser } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZSuspensionChange } from "./people.schema";

/** Blocks proposals, job posts and withdrawals; the reason is shown to the person. */
export const suspendUserProcedure = adminProcedure
  .input(SuspendUserInput)
  .output(ZSuspensionChange)
  .mutation(({ ctx, input }) => suspendUser(ctx.prisma, { ...input, ...ctx.caller }));
