import { addPayoutMethod } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZAddedPayoutMethod, ZAddPayoutMethodInput } from "./payout.schema";

export const addMethodPayoutProcedure = freelancerProcedure
  .input(ZAddPayoutMethodInput)
  .output(ZAddedPayoutMethod)
  .mutation(({ ctx, input }) => addPayoutMethod(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
