import { declineOffer } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZDeclinedOffer, ZDeclineOfferInput } from "./contract.schema";

export const declineContractProcedure = freelancerProcedure
  .input(ZDeclineOfferInput)
  .output(ZDeclinedOffer)
  .mutation(({ ctx, input }) => declineOffer(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
