import { MarkFlagReviewedInput, markFlagReviewed } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZReviewedFlag } from "./moderation.schema";

/** Marks a flagged message reviewed, with a note; audit-logged. */
export const reviewFlaggedMessageProcedure = adminProcedure
  .input(MarkFlagReviewedInput)
  .output(ZReviewedFlag)
  .mutation(({ ctx, input }) => markFlagReviewed(ctx.prisma, { ...input, ...ctx.caller }));
