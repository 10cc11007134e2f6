import { closeJob } from "@fairlance/db/services";
import { clientProcedure } from "../../trpc";
import { ZCloseJobInput, ZCloseJobOutput } from "./close-job.schema";

/** Closing without hiring gives every applicant all their connects back (RULES 2.5). */
export const closeJobProcedure = clientProcedure
  .input(ZCloseJobInput)
  .output(ZCloseJobOutput)
  .mutation(({ ctx, input }) => closeJob(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
