import { getJobRunsOverview } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZJobRuns, ZJobRunsInput } from "./audit.schema";

/** The job runner's recent runs and the jobs that used up their attempts. */
export const listJobRunsProcedure = adminProcedure
  .input(ZJobRunsInput)
  .output(ZJobRuns)
  .query(({ ctx, input }) => getJobRunsOverview(ctx.prisma, { ...input, ...ctx.caller }));
