import { earningsByWeek } from "@fairlance/db/read";
import { freelancerProcedure } from "../../trpc";
import { ZEarningsByWeek } from "./earnings.schema";

export const chartEarningsProcedure = freelancerProcedure
  .output(ZEarningsByWeek)
  .query(({ ctx }) => earningsByWeek(ctx.prisma, ctx.user.id, ctx.now()));
