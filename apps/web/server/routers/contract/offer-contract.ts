import { MakeDirectOfferInput, makeDirectOffer } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZContractOffer } from "./contract.schema";

export const offerContractProcedure = clientProcedure
  .input(MakeDirectOfferInput)
  .output(ZContractOffer)
  .mutation(({ ctx, input }) => makeDirectOffer(ctx.prisma, { ...input, ...ctx.caller }));
