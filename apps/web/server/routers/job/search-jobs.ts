import { searchJobs } from "@fairlance/db/read";
import { freelancerProcedure } from "../../trpc";
import { ZSearchJobsInput, ZSearchJobsOutput } from "./search-jobs.schema";

export const searchJobsProcedure = freelancerProcedure
  .input(ZSearchJobsInput)
  .output(ZSearchJobsOutput)
  .query(({ ctx, input }) => searchJobs(ctx.prisma, input));
