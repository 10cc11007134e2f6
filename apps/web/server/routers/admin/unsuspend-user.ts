import { SuspendUserInput, unsuspendUser } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZSuspensionChange } from "./people.schema";

/** Lifts a suspension, with a reason. */
export const unsuspendUserProcedure = adminProcedure
  .input(SuspendUserInput)
  .output(ZSuspensionChange)
  .mutation(({ ctx, input }) => unsuspendUser(ctx.prisma, { ...input, ...ctx.caller }));
