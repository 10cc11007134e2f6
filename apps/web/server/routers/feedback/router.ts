import { router } from "../../trpc";
import { editFeedbackProcedure } from "./edit-feedback";
import { leaveFeedbackProcedure } from "./leave-feedback";
import { contractFeedbackProcedure, feedbackToLeaveProcedure, reputationProcedure } from "./reads";
import { replyToFeedbackProcedure } from "./reply-to-feedback";

export const feedbackRouter = router({
  leave: leaveFeedbackProcedure,
  edit: editFeedbackProcedure,
  reply: replyToFeedbackProcedure,
  forContract: contractFeedbackProcedure,
  toLeave: feedbackToLeaveProcedure,
  reputation: reputationProcedure,
});
