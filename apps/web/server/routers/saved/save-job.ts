import { SaveJobInput, saveJob } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZSavedJobAnswer } from "./saved.schema";

/** A freelancer saves an open job; saving again gives the same answer. */
export const saveJobProcedure = freelancerProcedure
  .input(SaveJobInput)
  .output(ZSavedJobAnswer)
  .mutation(({ ctx, input }) => saveJob(ctx.prisma, { ...input, ...ctx.caller }));
