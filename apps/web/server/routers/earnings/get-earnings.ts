import { getEarnings } from "@fairlance/db";
import { freelancerProcedure } from "../../trpc";
import { ZEarnings } from "./earnings.schema";

export const getEarningsProcedure = freelancerProcedure.output(ZEarnings).query(({ ctx }) => getEarnings(ctx.prisma, ctx.user.id));
