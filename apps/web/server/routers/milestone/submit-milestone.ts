import { submitWork } from "@fairlance/db/services";
import { freelancerProcedure } from "../../trpc";
import { ZSubmittedWork, ZSubmitWorkInput } from "./milestone.schema";

export const submitMilestoneProcedure = freelancerProcedure
  .input(ZSubmitWorkInput)
  .output(ZSubmittedWork)
  .mutation(({ ctx, input }) => submitWork(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
