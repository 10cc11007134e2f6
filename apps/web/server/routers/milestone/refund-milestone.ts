import { refundMilestone } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZMilestoneActionInput, ZRefundedMilestone } from "./milestone.schema";

export const refundMilestoneProcedure = clientProcedure
  .input(ZMilestoneActionInput)
  .output(ZRefundedMilestone)
  .mutation(({ ctx, input }) => refundMilestone(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
