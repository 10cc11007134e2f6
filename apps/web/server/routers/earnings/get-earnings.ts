import { getEarningsPage } from "@fairlance/db/read";
import { freelancerProcedure } from "../../trpc";
import { ZEarnings } from "./earnings.schema";

export const getEarningsProcedure = freelancerProcedure.output(ZEarnings).query(({ ctx }) => getEarningsPage(ctx.prisma, ctx.user.id));
