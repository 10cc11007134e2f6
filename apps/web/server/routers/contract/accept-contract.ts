import { AcceptOfferInput, acceptOffer } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZContractState } from "./contract.schema";

export const acceptContractProcedure = freelancerProcedure
  .input(AcceptOfferInput)
  .output(ZContractState)
  .mutation(({ ctx, input }) => acceptOffer(ctx.prisma, { ...input, ...ctx.caller }));
