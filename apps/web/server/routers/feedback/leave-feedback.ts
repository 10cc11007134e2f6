import { LeaveFeedbackInput, leaveFeedback } from "@fairlance/db/services";
import { partyProcedure } from "../../trpc";
import { ZLeftFeedback } from "./feedback.schema";

/** A party leaves feedback on an ended contract that paid, once per side, blind until both have (economy.md §10.2–10.3). */
export const leaveFeedbackProcedure = partyProcedure
  .input(LeaveFeedbackInput)
  .output(ZLeftFeedback)
  .mutation(({ ctx, input }) => leaveFeedback(ctx.prisma, { ...input, ...ctx.caller }));
