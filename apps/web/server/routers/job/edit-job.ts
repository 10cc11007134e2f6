import { editJob } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZEditJobInput, ZEditJobOutput } from "./edit-job.schema";

export const editJobProcedure = clientProcedure
  .input(ZEditJobInput)
  .output(ZEditJobOutput)
  .mutation(({ ctx, input }) => editJob(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
