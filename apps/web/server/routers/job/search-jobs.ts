import { searchJobs } from "@fairlance/db/read";
import { freelancerProcedure } from "../../trpc";
import { ZSearchJobsInput, ZSearchJobsOutput } from "./search-jobs.schema";

/** Find work: open jobs by words and filters. A few seconds stale is fine, so it may read the replica. */
export const searchJobsProcedure = freelancerProcedure
  .input(ZSearchJobsInput)
  .output(ZSearchJobsOutput)
  .query(({ ctx, input }) => ctx.mayBeStale((db) => searchJobs(db, input)));
