import { ApproveMilestoneInput, approveMilestone } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZApprovedMilestone } from "./milestone.schema";

export const approveMilestoneProcedure = clientProcedure
  .input(ApproveMilestoneInput)
  .output(ZApprovedMilestone)
  .mutation(({ ctx, input }) => approveMilestone(ctx.prisma, { ...input, ...ctx.caller }));
