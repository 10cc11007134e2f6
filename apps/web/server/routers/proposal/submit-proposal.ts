import { submitProposal } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZSubmitProposalInput, ZSubmitProposalOutput } from "./submit-proposal.schema";

/** Spends the job's cost plus any boost atomically with creating the proposal (RULES 2.4). */
export const submitProposalProcedure = freelancerProcedure
  .input(ZSubmitProposalInput)
  .output(ZSubmitProposalOutput)
  .mutation(({ ctx, input }) => submitProposal(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
