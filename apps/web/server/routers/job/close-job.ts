import { CloseJobInput, closeJob } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZCloseJobOutput } from "./close-job.schema";

/** Closing without hiring gives every applicant all their connects back (economy.md §2.5). */
export const closeJobProcedure = clientProcedure
  .input(CloseJobInput)
  .output(ZCloseJobOutput)
  .mutation(({ ctx, input }) => closeJob(ctx.prisma, { ...input, ...ctx.caller }));
