import { proposalFeePreview } from "@fairlance/db/read";
import { freelancerProcedure } from "../../trpc";
import { ZFeePreviewInput, ZFeePreviewOutput } from "./fee-preview.schema";

/** The service fee on the bid being typed, by band with this job's client (economy.md §3.5). */
export const feePreviewProcedure = freelancerProcedure
  .input(ZFeePreviewInput)
  .output(ZFeePreviewOutput)
  .query(({ ctx, input }) => proposalFeePreview(ctx.prisma, { ...input, freelancerId: ctx.user.id, now: ctx.now() }));
