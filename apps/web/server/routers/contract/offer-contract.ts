import { makeDirectOffer } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZContractOffer, ZMakeOfferInput } from "./contract.schema";

export const offerContractProcedure = clientProcedure
  .input(ZMakeOfferInput)
  .output(ZContractOffer)
  .mutation(({ ctx, input }) => makeDirectOffer(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
