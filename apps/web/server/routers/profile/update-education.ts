import { UpdateEducationInput, updateEducation } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZSavedEducation } from "./profile.schema";

/** A freelancer rewrites one of their education entries. */
export const updateEducationProcedure = freelancerProcedure
  .input(UpdateEducationInput)
  .output(ZSavedEducation)
  .mutation(({ ctx, input }) => updateEducation(ctx.prisma, { ...input, ...ctx.caller }));
