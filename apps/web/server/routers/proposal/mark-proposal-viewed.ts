import { markProposalViewed } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZMarkProposalViewedInput, ZMarkProposalViewedOutput } from "./mark-proposal-viewed.schema";

/** Opening a proposal marks it viewed; opening it again changes nothing. */
export const markProposalViewedProcedure = clientProcedure
  .input(ZMarkProposalViewedInput)
  .output(ZMarkProposalViewedOutput)
  .mutation(({ ctx, input }) => markProposalViewed(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
