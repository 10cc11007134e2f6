import { unsuspendUser } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZSuspensionChange, ZSuspensionInput } from "./people.schema";

/** Lifts a suspension, with a reason. */
export const unsuspendUserProcedure = adminProcedure
  .input(ZSuspensionInput)
  .output(ZSuspensionChange)
  .mutation(({ ctx, input }) => unsuspendUser(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
