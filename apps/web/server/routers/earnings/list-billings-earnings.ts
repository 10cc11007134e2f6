import { lifetimeBillings } from "@fairlance/db/read";
import { freelancerProcedure } from "../../trpc";
import { ZLifetimeBillings } from "./earnings.schema";

export const listBillingsEarningsProcedure = freelancerProcedure
  .output(ZLifetimeBillings)
  .query(({ ctx }) => lifetimeBillings(ctx.prisma, ctx.user.id));
