import { z } from "zod";
import { ReorderPortfolioInput, reorderPortfolio } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZSavedPortfolioItem } from "./profile.schema";

/** A freelancer puts their portfolio in a new order. */
export const reorderPortfolioProcedure = freelancerProcedure
  .input(ReorderPortfolioInput)
  .output(z.array(ZSavedPortfolioItem))
  .mutation(({ ctx, input }) => reorderPortfolio(ctx.prisma, { ...input, ...ctx.caller }));
