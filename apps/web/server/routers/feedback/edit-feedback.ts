import { EditFeedbackInput, editFeedback } from "@fairlance/db/services";
import { partyProcedure } from "../../trpc";
import { ZEditedFeedback } from "./feedback.schema";

/** The author rewrites their feedback until it is revealed (economy.md §10.4). */
export const editFeedbackProcedure = partyProcedure
  .input(EditFeedbackInput)
  .output(ZEditedFeedback)
  .mutation(({ ctx, input }) => editFeedback(ctx.prisma, { ...input, ...ctx.caller }));
