import { WithdrawProposalInput, withdrawProposal } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZWithdrawProposalOutput } from "./withdraw-proposal.schema";

export const withdrawProposalProcedure = freelancerProcedure
  .input(WithdrawProposalInput)
  .output(ZWithdrawProposalOutput)
  .mutation(({ ctx, input }) => withdrawProposal(ctx.prisma, { ...input, ...ctx.caller }));
