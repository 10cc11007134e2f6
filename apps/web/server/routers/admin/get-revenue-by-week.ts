import { revenueByWeek } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZRevenue, ZRevenueInput } from "./ledger.schema";

/** Platform revenue by kind per week, from the platform_revenue accounts. */
export const getRevenueByWeekProcedure = adminProcedure
  .input(ZRevenueInput)
  .output(ZRevenue)
  .query(({ ctx, input }) => revenueByWeek(ctx.prisma, { ...input, ...ctx.caller }));
