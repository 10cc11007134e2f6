import { listClientJobs } from "@fairlance/db";
import { clientProcedure } from "../../trpc";
import { ZListMyJobsOutput } from "./list-my-jobs.schema";

export const listMyJobsProcedure = clientProcedure.output(ZListMyJobsOutput).query(({ ctx }) => listClientJobs(ctx.prisma, ctx.user.id));
