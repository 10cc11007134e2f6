import { InterviewProposalInput, interviewProposal } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZViewedProposal } from "./ended-proposal.schema";

/** The client invites a proposer to interview: the proposal moves to interviewing (economy.md §3.1). */
export const interviewProposalProcedure = clientProcedure
  .input(InterviewProposalInput)
  .output(ZViewedProposal)
  .mutation(({ ctx, input }) => interviewProposal(ctx.prisma, { ...input, ...ctx.caller }));
