import { DeclineOfferInput, declineOffer } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZDeclinedOffer } from "./contract.schema";

export const declineContractProcedure = freelancerProcedure
  .input(DeclineOfferInput)
  .output(ZDeclinedOffer)
  .mutation(({ ctx, input }) => declineOffer(ctx.prisma, { ...input, ...ctx.caller }));
