import { HireProposalInput, hireProposal } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZContractOffer } from "./contract.schema";

export const hireContractProcedure = clientProcedure
  .input(HireProposalInput)
  .output(ZContractOffer)
  .mutation(({ ctx, input }) => hireProposal(ctx.prisma, { ...input, ...ctx.caller }));
