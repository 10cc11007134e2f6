import { EditJobInput, editJob } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZEditJobOutput } from "./edit-job.schema";

export const editJobProcedure = clientProcedure
  .input(EditJobInput)
  .output(ZEditJobOutput)
  .mutation(({ ctx, input }) => editJob(ctx.prisma, { ...input, ...ctx.caller }));
