import { AddEmploymentInput, addEmployment } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZSavedEmployment } from "./profile.schema";

/** A freelancer adds a job they held (once per key). */
export const addEmploymentProcedure = freelancerProcedure
  .input(AddEmploymentInput)
  .output(ZSavedEmployment)
  .mutation(({ ctx, input }) => addEmployment(ctx.prisma, { ...input, ...ctx.caller }));
