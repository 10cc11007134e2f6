import { earningsByWeek } from "@fairlance/db/read";
import { freelancerProcedure } from "../../trpc";
import { ZEarningsByWeek } from "./earnings.schema";

/** The weekly earnings chart: history, so it may read the replica (the balances beside it come from the primary). */
export const chartEarningsProcedure = freelancerProcedure
  .output(ZEarningsByWeek)
  .query(({ ctx }) => ctx.mayBeStale((db) => earningsByWeek(db, ctx.user.id, ctx.now())));
