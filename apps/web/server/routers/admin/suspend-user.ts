import { suspendUser } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZSuspensionChange, ZSuspensionInput } from "./people.schema";

/** Blocks proposals, job posts and withdrawals; the reason is shown to the person. */
export const suspendUserProcedure = adminProcedure
  .input(ZSuspensionInput)
  .output(ZSuspensionChange)
  .mutation(({ ctx, input }) => suspendUser(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
