import { RefundMilestoneInput, refundMilestone } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZRefundedMilestone } from "./milestone.schema";

/** The freelancer gives a milestone's escrow back to the client (economy.md §9.1). */
export const refundMilestoneProcedure = freelancerProcedure
  .input(RefundMilestoneInput)
  .output(ZRefundedMilestone)
  .mutation(({ ctx, input }) => refundMilestone(ctx.prisma, { ...input, ...ctx.caller }));
