import { UpdateEmploymentInput, updateEmployment } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZSavedEmployment } from "./profile.schema";

/** A freelancer rewrites one of their employment entries. */
export const updateEmploymentProcedure = freelancerProcedure
  .input(UpdateEmploymentInput)
  .output(ZSavedEmployment)
  .mutation(({ ctx, input }) => updateEmployment(ctx.prisma, { ...input, ...ctx.caller }));
