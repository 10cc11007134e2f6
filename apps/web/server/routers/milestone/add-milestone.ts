import { addMilestone } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZAddedMilestone, ZAddMilestoneInput } from "./milestone.schema";

export const addMilestoneProcedure = clientProcedure
  .input(ZAddMilestoneInput)
  .output(ZAddedMilestone)
  .mutation(({ ctx, input }) => addMilestone(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
