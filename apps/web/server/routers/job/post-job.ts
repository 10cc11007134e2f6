import { PostJobInput, postJob } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZPostJobOutput } from "./post-job.schema";

export const postJobProcedure = clientProcedure
  .input(PostJobInput)
  .output(ZPostJobOutput)
  .mutation(({ ctx, input }) => postJob(ctx.prisma, { ...input, ...ctx.caller }));
