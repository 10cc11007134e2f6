import { publishJob } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZPublishJobInput, ZPublishJobOutput } from "./publish-job.schema";

export const publishJobProcedure = clientProcedure
  .input(ZPublishJobInput)
  .output(ZPublishJobOutput)
  .mutation(({ ctx, input }) => publishJob(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
