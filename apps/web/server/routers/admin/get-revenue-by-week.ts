import { revenueByWeek } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZRevenue, ZRevenueInput } from "./ledger.schema";

/** Platform revenue by kind per week, from the platform_revenue accounts: a chart, so it may read the replica. */
export const getRevenueByWeekProcedure = adminProcedure
  .input(ZRevenueInput)
  .output(ZRevenue)
  .query(({ ctx, input }) => ctx.mayBeStale((db) => revenueByWeek(db, { ...input, ...ctx.caller })));
