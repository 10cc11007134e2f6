import { UnsaveJobInput, unsaveJob } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZSavedJobAnswer } from "./saved.schema";

/** A freelancer drops a saved job; dropping it again changes nothing. */
export const unsaveJobProcedure = freelancerProcedure
  .input(UnsaveJobInput)
  .output(ZSavedJobAnswer)
  .mutation(({ ctx, input }) => unsaveJob(ctx.prisma, { ...input, ...ctx.caller }));
