import { fundMilestone } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZFundedMilestone, ZMilestoneActionInput } from "./milestone.schema";

export const fundMilestoneProcedure = clientProcedure
  .input(ZMilestoneActionInput)
  .output(ZFundedMilestone)
  .mutation(({ ctx, input }) => fundMilestone(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
