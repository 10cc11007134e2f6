import { quoteWithdrawal } from "@fairlance/db/read";
import { freelancerProcedure } from "../../trpc";
import { ZWithdrawalQuote, ZWithdrawalQuoteInput } from "./payout.schema";

export const quotePayoutProcedure = freelancerProcedure
  .input(ZWithdrawalQuoteInput)
  .output(ZWithdrawalQuote)
  .query(({ ctx, input }) => quoteWithdrawal(ctx.prisma, { ...input, freelancerId: ctx.user.id, now: ctx.now() }));
