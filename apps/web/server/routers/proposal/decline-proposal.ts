import { declineProposal } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZDeclineProposalInput, ZDeclineProposalOutput } from "./decline-proposal.schema";

export const declineProposalProcedure = clientProcedure
  .input(ZDeclineProposalInput)
  .output(ZDeclineProposalOutput)
  .mutation(({ ctx, input }) => declineProposal(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
