import { ShortlistProposalInput, shortlistProposal } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZShortlistProposalOutput } from "./shortlist-proposal.schema";

export const shortlistProposalProcedure = clientProcedure
  .input(ShortlistProposalInput)
  .output(ZShortlistProposalOutput)
  .mutation(({ ctx, input }) => shortlistProposal(ctx.prisma, { ...input, ...ctx.caller }));
