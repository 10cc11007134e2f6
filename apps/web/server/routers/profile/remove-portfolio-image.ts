import { RemovePortfolioImageInput, removePortfolioImage } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZSavedPortfolioItem } from "./profile.schema";

/** A freelancer removes a portfolio item's image. */
export const removePortfolioImageProcedure = freelancerProcedure
  .input(RemovePortfolioImageInput)
  .output(ZSavedPortfolioItem)
  .mutation(({ ctx, input }) => removePortfolioImage(ctx.prisma, { ...input, ...ctx.caller }));
