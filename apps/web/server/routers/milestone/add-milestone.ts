import { AddMilestoneInput, addMilestone } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZAddedMilestone } from "./milestone.schema";

export const addMilestoneProcedure = clientProcedure
  .input(AddMilestoneInput)
  .output(ZAddedMilestone)
  .mutation(({ ctx, input }) => addMilestone(ctx.prisma, { ...input, ...ctx.caller }));
