import { WithdrawRefundRequestInput, withdrawRefundRequest } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZRefundRequestWithdrawn } from "./milestone.schema";

/** The client takes back an unanswered refund request (economy.md §9.1). */
export const withdrawRefundRequestProcedure = clientProcedure
  .input(WithdrawRefundRequestInput)
  .output(ZRefundRequestWithdrawn)
  .mutation(({ ctx, input }) => withdrawRefundRequest(ctx.prisma, { ...input, ...ctx.caller }));
