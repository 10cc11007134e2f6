import { FundMilestoneInput, fundMilestone } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZFundedMilestone } from "./milestone.schema";

/** The client pays a milestone into escrow: amount plus the contract's client fee (economy.md §3.3). */
export const fundMilestoneProcedure = clientProcedure
  .input(FundMilestoneInput)
  .output(ZFundedMilestone)
  .mutation(({ ctx, input }) => fundMilestone(ctx.prisma, { ...input, ...ctx.caller }));
