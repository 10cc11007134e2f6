import { AddEducationInput, addEducation } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZSavedEducation } from "./profile.schema";

/** A freelancer adds a school they went to (once per key). */
export const addEducationProcedure = freelancerProcedure
  .input(AddEducationInput)
  .output(ZSavedEducation)
  .mutation(({ ctx, input }) => addEducation(ctx.prisma, { ...input, ...ctx.caller }));
