import { DeclineProposalInput, declineProposal } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZDeclineProposalOutput } from "./decline-proposal.schema";

export const declineProposalProcedure = clientProcedure
  .input(DeclineProposalInput)
  .output(ZDeclineProposalOutput)
  .mutation(({ ctx, input }) => declineProposal(ctx.prisma, { ...input, ...ctx.caller }));
