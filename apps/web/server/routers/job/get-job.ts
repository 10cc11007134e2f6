import { getJobForFreelancer } from "@fairlance/db/read";
import { freelancerProcedure } from "../../trpc";
import { ZGetJobInput, ZGetJobOutput } from "./get-job.schema";

/** A job as a freelancer sees it before proposing: cost, their balance and the client's trust panel. */
export const getJobProcedure = freelancerProcedure
  .input(ZGetJobInput)
  .output(ZGetJobOutput)
  .query(({ ctx, input }) => getJobForFreelancer(ctx.prisma, input.jobId, ctx.user.id, ctx.now()));
