import { z } from "zod";
import { RemoveEducationInput, removeEducation } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";

/** A freelancer removes one of their education entries. */
export const removeEducationProcedure = freelancerProcedure
  .input(RemoveEducationInput)
  .output(z.object({ educationId: z.string() }))
  .mutation(({ ctx, input }) => removeEducation(ctx.prisma, { ...input, ...ctx.caller }));
