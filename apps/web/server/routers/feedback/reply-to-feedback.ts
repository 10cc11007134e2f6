import { ReplyToFeedbackInput, replyToFeedback } from "@fairlance/db/services";
import { partyProcedure } from "../../trpc";
import { ZFeedbackReply } from "./feedback.schema";

/** The rated person replies once to revealed feedback about them (economy.md §10.4). */
export const replyToFeedbackProcedure = partyProcedure
  .input(ReplyToFeedbackInput)
  .output(ZFeedbackReply)
  .mutation(({ ctx, input }) => replyToFeedback(ctx.prisma, { ...input, ...ctx.caller }));
