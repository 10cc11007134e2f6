import { PublishJobInput, publishJob } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZPublishJobOutput } from "./publish-job.schema";

export const publishJobProcedure = clientProcedure
  .input(PublishJobInput)
  .output(ZPublishJobOutput)
  .mutation(({ ctx, input }) => publishJob(ctx.prisma, { ...input, ...ctx.caller }));
