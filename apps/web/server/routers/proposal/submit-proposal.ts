import { SubmitProposalInput, submitProposal } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZSubmitProposalOutput } from "./submit-proposal.schema";

/** Spends the job's cost plus any boost atomically with creating the proposal (economy.md §2.4). */
export const submitProposalProcedure = freelancerProcedure
  .input(SubmitProposalInput)
  .output(ZSubmitProposalOutput)
  .mutation(({ ctx, input }) => submitProposal(ctx.prisma, { ...input, ...ctx.caller }));
