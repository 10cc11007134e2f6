import { approveMilestone } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZApprovedMilestone, ZMilestoneActionInput } from "./milestone.schema";

export const approveMilestoneProcedure = clientProcedure
  .input(ZMilestoneActionInput)
  .output(ZApprovedMilestone)
  .mutation(({ ctx, input }) => approveMilestone(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
