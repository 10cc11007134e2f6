import { z } from "zod";
import { RemovePortfolioItemInput, removePortfolioItem } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";

/** A freelancer removes one of their portfolio items (and its image). */
export const removePortfolioItemProcedure = freelancerProcedure
  .input(RemovePortfolioItemInput)
  .output(z.object({ portfolioItemId: z.string() }))
  .mutation(({ ctx, input }) => removePortfolioItem(ctx.prisma, { ...input, ...ctx.caller }));
