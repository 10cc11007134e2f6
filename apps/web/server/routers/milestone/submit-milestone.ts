import { SubmitWorkInput, submitWork } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZSubmittedWork } from "./milestone.schema";

export const submitMilestoneProcedure = freelancerProcedure
  .input(SubmitWorkInput)
  .output(ZSubmittedWork)
  .mutation(({ ctx, input }) => submitWork(ctx.prisma, { ...input, ...ctx.caller }));
