import { markFlagReviewed } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZReviewedFlag, ZReviewFlagInput } from "./moderation.schema";

/** Marks a flagged message reviewed, with a note; audit-logged. */
export const reviewFlaggedMessageProcedure = adminProcedure
  .input(ZReviewFlagInput)
  .output(ZReviewedFlag)
  .mutation(({ ctx, input }) => markFlagReviewed(ctx.prisma, { ...input, actorId: ctx.user.id, now: ctx.now() }));
