import { findOfferTarget } from "@fairlance/db/read";
import { clientProcedure } from "../../trpc";
import { ZOfferTarget, ZOfferTargetInput } from "./contract.schema";

export const findOfferTargetProcedure = clientProcedure
  .input(ZOfferTargetInput)
  .output(ZOfferTarget)
  .query(({ ctx, input }) => findOfferTarget(ctx.prisma, input));
