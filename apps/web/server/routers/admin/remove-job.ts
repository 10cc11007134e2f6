import { RemoveJobInput, removeJob } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZRemovedJob } from "./moderation.schema";

/** Removes a job for breaking the rules: every proposal's connects come back, with the reason shown to freelancers. */
export const removeJobProcedure = adminProcedure
  .input(RemoveJobInput)
  .output(ZRemovedJob)
  .mutation(async ({ ctx, input }) => {
    const { jobId, status, proposalsClosed, connectsRefunded } = await removeJob(ctx.prisma, { ...input, ...ctx.caller });
    return { jobId, status, proposalsClosed, connectsRefunded };
  });
