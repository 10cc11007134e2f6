import { getBillingStatement } from "@fairlance/db/read";
import { clientProcedure } from "../../trpc";
import { ZBillingStatement } from "./billing.schema";

/** The client's money, event by event, adding up to what is in escrow, paid, in fees and refunded (economy.md §3.3, §3.6). */
export const getBillingStatementProcedure = clientProcedure
  .output(ZBillingStatement)
  .query(({ ctx }) => getBillingStatement(ctx.prisma, ctx.user.id));
