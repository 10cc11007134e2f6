import { DisputeMilestoneInput, disputeMilestone } from "@fairlance/db/services";
import { partyProcedure } from "../../trpc";
import { ZOpenedDispute } from "../dispute/dispute.schema";

/** Either party disputes a milestone whose money is in escrow (economy.md §9.3). */
export const disputeMilestoneProcedure = partyProcedure
  .input(DisputeMilestoneInput)
  .output(ZOpenedDispute)
  .mutation(({ ctx, input }) => disputeMilestone(ctx.prisma, { ...input, ...ctx.caller }));
