import { listClientJobs } from "@fairlance/db/read";
import { clientProcedure } from "../../trpc";
import { ZListMyJobsOutput } from "./list-my-jobs.schema";

export const listMyJobsProcedure = clientProcedure.output(ZListMyJobsOutput).query(({ ctx }) => listClientJobs(ctx.prisma, ctx.user.id, ctx.now()));
