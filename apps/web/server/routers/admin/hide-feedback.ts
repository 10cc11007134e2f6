import { HideFeedbackInput, hideFeedback, unhideFeedback } from "@fairlance/db/services";
import { adminProcedure } from "../../trpc";
import { ZFeedbackModeration } from "../feedback/feedback.schema";

/** Hides revealed feedback with a reason both people see; its stars leave averages and the score; audit-logged (economy.md §10.5). */
export const hideFeedbackProcedure = adminProcedure
  .input(HideFeedbackInput)
  .output(ZFeedbackModeration)
  .mutation(({ ctx, input }) => hideFeedback(ctx.prisma, { ...input, ...ctx.caller }));

/** Shows hidden feedback again, with a reason; audit-logged. */
export const unhideFeedbackProcedure = adminProcedure
  .input(HideFeedbackInput)
  .output(ZFeedbackModeration)
  .mutation(({ ctx, input }) => unhideFeedback(ctx.prisma, { ...input, ...ctx.caller }));
