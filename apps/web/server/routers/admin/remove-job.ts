import { removeJob } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZRemovedJob, ZRemoveJobInput } from "./moderation.schema";

/** Removes a job for breaking the rules: every proposal's connects come back, with the reason shown to freelancers. */
export const removeJobProcedure = adminProcedure
  .input(ZRemoveJobInput)
  .output(ZRemovedJob)
  .mutation(async ({ ctx, input }) => {
    const { jobId, status, proposalsClosed, connectsRefunded } = await removeJob(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() });
    return { jobId, status, proposalsClosed, connectsRefunded };
  });
