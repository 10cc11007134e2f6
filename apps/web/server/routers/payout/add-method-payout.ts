import { AddPayoutMethodInput, addPayoutMethod } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZAddedPayoutMethod } from "./payout.schema";

export const addMethodPayoutProcedure = freelancerProcedure
  .input(AddPayoutMethodInput)
  .output(ZAddedPayoutMethod)
  .mutation(({ ctx, input }) => addPayoutMethod(ctx.prisma, { ...input, ...ctx.caller }));
