import { MarkProposalViewedInput, markProposalViewed } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZMarkProposalViewedOutput } from "./mark-proposal-viewed.schema";

/** Opening a proposal marks it viewed; opening it again changes nothing. */
export const markProposalViewedProcedure = clientProcedure
  .input(MarkProposalViewedInput)
  .output(ZMarkProposalViewedOutput)
  .mutation(({ ctx, input }) => markProposalViewed(ctx.prisma, { ...input, ...ctx.caller }));
