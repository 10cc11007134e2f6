import { UpdatePortfolioItemInput, updatePortfolioItem } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZSavedPortfolioItem } from "./profile.schema";

/** A freelancer rewrites one of their portfolio items. */
export const updatePortfolioItemProcedure = freelancerProcedure
  .input(UpdatePortfolioItemInput)
  .output(ZSavedPortfolioItem)
  .mutation(({ ctx, input }) => updatePortfolioItem(ctx.prisma, { ...input, ...ctx.caller }));
