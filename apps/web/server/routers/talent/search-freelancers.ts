import { searchFreelancers } from "@fairlance/db/read";
import { clientOrAdminProcedure } from "../../trpc";
import { ZSearchFreelancersInput, ZSearchFreelancersOutput } from "./talent.schema";

/** Talent search: freelancers by words, hourly rate, Job Success Score, skills, availability and earnings. It may read the replica (a few seconds stale). */
export const searchFreelancersProcedure = clientOrAdminProcedure
  .input(ZSearchFreelancersInput)
  .output(ZSearchFreelancersOutput)
  .query(({ ctx, input }) => ctx.mayBeStale((db) => searchFreelancers(db, input)));
