import { listFeedbackForModeration } from "@fairlance/db/read";
import { adminProcedure } from "../../trpc";
import { ZModerationFeedback, ZModerationFeedbackInput } from "../feedback/feedback.schema";

/** Revealed feedback, newest reveal first, a page at a time, to hide or show again (economy.md §10.5). */
export const listFeedbackProcedure = adminProcedure
  .input(ZModerationFeedbackInput)
  .output(ZModerationFeedback)
  .query(({ ctx, input }) => listFeedbackForModeration(ctx.prisma, { ...input, ...ctx.caller }));
