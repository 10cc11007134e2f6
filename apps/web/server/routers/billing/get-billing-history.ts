import { getBillingHistory } from "@fairlance/db/read";
import { clientProcedure } from "../../trpc";
import { ZBillingHistory } from "./billing.schema";

export const getBillingHistoryProcedure = clientProcedure
  .output(ZBillingHistory)
  .query(({ ctx }) => getBillingHistory(ctx.prisma, ctx.user.id));
