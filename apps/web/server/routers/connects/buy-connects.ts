import { BuyConnectsInput, buyConnects } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZBuyConnectsOutput } from "./buy-connects.schema";

/** A bundle at the price in force, wholly by card or wholly from Available earnings (economy.md §2.1). */
export const buyConnectsProcedure = freelancerProcedure
  .input(BuyConnectsInput)
  .output(ZBuyConnectsOutput)
  .mutation(({ ctx, input }) => buyConnects(ctx.prisma, { ...input, ...ctx.caller }));
