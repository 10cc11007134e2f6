import { z } from "zod";
import { RemoveEmploymentInput, removeEmployment } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";

/** A freelancer removes one of their employment entries. */
export const removeEmploymentProcedure = freelancerProcedure
  .input(RemoveEmploymentInput)
  .output(z.object({ employmentId: z.string() }))
  .mutation(({ ctx, input }) => removeEmployment(ctx.prisma, { ...input, ...ctx.caller }));
