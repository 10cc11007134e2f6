import { SuspendUserInput, suspendUser } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZSuspensionChange } from "./people.schema";

/** Suspends a person (economy.md §5.3): the suspension policy applies, their open things pause, offers are withdrawn; optionally holds payouts. */
export const suspendUserProcedure = adminProcedure
  .input(SuspendUserInput)
  .output(ZSuspensionChange)
  .mutation(({ ctx, input }) => suspendUser(ctx.prisma, { ...input, ...ctx.caller }));
