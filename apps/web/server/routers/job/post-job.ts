import { postJob } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZPostJobInput, ZPostJobOutput } from "./post-job.schema";

export const postJobProcedure = clientProcedure
  .input(ZPostJobInput)
  .output(ZPostJobOutput)
  .mutation(({ ctx, input }) => postJob(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
