import { quoteBonus } from "@fairlance/db/read";
import { clientProcedure } from "../../trpc";
import { ZBonusQuote, ZBonusQuoteInput } from "./contract.schema";

export const quoteBonusProcedure = clientProcedure
  .input(ZBonusQuoteInput)
  .output(ZBonusQuote)
  .query(({ ctx, input }) => quoteBonus(ctx.prisma, { ...input, clientId: ctx.user.id }));
