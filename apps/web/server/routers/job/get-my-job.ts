import { getClientJob } from "@fairlance/db/read";
import { clientProcedure } from "../../trpc";
import { ZGetMyJobInput, ZGetMyJobOutput } from "./get-my-job.schema";

/** One of the client's own jobs with its proposals and invitations. */
export const getMyJobProcedure = clientProcedure
  .input(ZGetMyJobInput)
  .output(ZGetMyJobOutput)
  .query(({ ctx, input }) => getClientJob(ctx.prisma, input.jobId, ctx.user.id, ctx.now()));
