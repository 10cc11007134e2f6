import { listSavedJobs } from "@fairlance/db/read";
import { freelancerProcedure } from "../../trpc";
import { ZSavedJobs } from "./saved.schema";

/** A freelancer's saved jobs, most recent first, each with its state now. */
export const listSavedJobsProcedure = freelancerProcedure.output(ZSavedJobs).query(({ ctx }) => listSavedJobs(ctx.prisma, ctx.user.id));
