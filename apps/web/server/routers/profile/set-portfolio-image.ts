import { Id, setPortfolioImage } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { uploadInput } from "../../uploads";
import { ZSavedPortfolioItem } from "./profile.schema";

/** A freelancer uploads the image of one of their portfolio items (a FormData with `portfolioItemId` and its `file`). */
export const setPortfolioImageProcedure = freelancerProcedure
  .input(uploadInput({ portfolioItemId: Id("portfolio item") }))
  .output(ZSavedPortfolioItem)
  .mutation(({ ctx, input }) => setPortfolioImage(ctx.prisma, { portfolioItemId: input.portfolioItemId, image: input.file.bytes, ...ctx.caller }));
