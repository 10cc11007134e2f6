import { getPayoutsOverview } from "@fairlance/db/read";
import { freelancerProcedure } from "../../trpc";
import { ZPayoutsOverview } from "./payout.schema";

export const getPayoutsProcedure = freelancerProcedure
  .output(ZPayoutsOverview)
  .query(({ ctx }) => getPayoutsOverview(ctx.prisma, ctx.user.id, ctx.now()));
