import { shortlistProposal } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZShortlistProposalInput, ZShortlistProposalOutput } from "./shortlist-proposal.schema";

export const shortlistProposalProcedure = clientProcedure
  .input(ZShortlistProposalInput)
  .output(ZShortlistProposalOutput)
  .mutation(({ ctx, input }) => shortlistProposal(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
