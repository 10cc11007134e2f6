import { RefundMilestoneInput, refundMilestone } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZRefundedMilestone } from "./milestone.schema";

export const refundMilestoneProcedure = clientProcedure
  .input(RefundMilestoneInput)
  .output(ZRefundedMilestone)
  .mutation(({ ctx, input }) => refundMilestone(ctx.prisma, { ...input, ...ctx.caller }));
