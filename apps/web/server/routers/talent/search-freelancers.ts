import { searchFreelancers } from "@fairlance/db/read";
import { clientOrAdminProcedure } from "../../trpc";
import { ZSearchFreelancersInput, ZSearchFreelancersOutput } from "./talent.schema";

/** Talent search: freelancers by words, hourly rate, Job Success Score, skills, availability and earnings. */
export const searchFreelancersProcedure = clientOrAdminProcedure
  .input(ZSearchFreelancersInput)
  .output(ZSearchFreelancersOutput)
  .query(({ ctx, input }) => searchFreelancers(ctx.prisma, input));
