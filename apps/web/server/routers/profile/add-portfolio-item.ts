import { AddPortfolioItemInput, addPortfolioItem } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZSavedPortfolioItem } from "./profile.schema";

/** A freelancer adds a portfolio item at the end (once per key). */
export const addPortfolioItemProcedure = freelancerProcedure
  .input(AddPortfolioItemInput)
  .output(ZSavedPortfolioItem)
  .mutation(({ ctx, input }) => addPortfolioItem(ctx.prisma, { ...input, ...ctx.caller }));
