import { getHireQuote } from "@fairlance/db/read";
import { clientProcedure } from "../../trpc";
import { ZHireQuote, ZHireQuoteInput } from "./contract.schema";

export const quoteHireProcedure = clientProcedure
  .input(ZHireQuoteInput)
  .output(ZHireQuote)
  .query(({ ctx, input }) => getHireQuote(ctx.prisma, { proposalId: input.proposalId, clientId: ctx.user.id, now: ctx.now() }));
