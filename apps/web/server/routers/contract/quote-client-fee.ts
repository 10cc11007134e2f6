import { quoteClientFee } from "@fairlance/db/read";
import { clientProcedure } from "../../trpc";
import { ZClientFeeQuote, ZClientFeeQuoteInput } from "./contract.schema";

export const quoteClientFeeProcedure = clientProcedure
  .input(ZClientFeeQuoteInput)
  .output(ZClientFeeQuote)
  .query(({ ctx, input }) => quoteClientFee(ctx.prisma, { amountsMinor: input.amountsMinor, now: ctx.now() }));
