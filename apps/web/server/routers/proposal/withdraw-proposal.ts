import { withdrawProposal } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZWithdrawProposalInput, ZWithdrawProposalOutput } from "./withdraw-proposal.schema";

export const withdrawProposalProcedure = freelancerProcedure
  .input(ZWithdrawProposalInput)
  .output(ZWithdrawProposalOutput)
  .mutation(({ ctx, input }) => withdrawProposal(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
