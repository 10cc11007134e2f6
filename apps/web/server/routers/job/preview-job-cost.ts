import { previewJobConnectCost } from "@fairlance/db/read";
import { clientProcedure } from "../../trpc";
import { ZPreviewJobCostInput, ZPreviewJobCostOutput } from "./preview-job-cost.schema";

/** The connects a job would cost freelancers if published now, from the values being typed. */
export const previewJobCostProcedure = clientProcedure
  .input(ZPreviewJobCostInput)
  .output(ZPreviewJobCostOutput)
  .query(({ ctx, input }) => previewJobConnectCost(ctx.prisma, { ...input, now: ctx.now() }));
