import { contractFeedback, feedbackToLeave, reputationOf } from "@fairlance/db/read";
import { partyProcedure, protectedProcedure } from "../../trpc";
import { ZContractFeedback, ZFeedbackContractId, ZFeedbackToLeave, ZReputation, ZReputationInput } from "./feedback.schema";

/** One contract's feedback for its page: mine, theirs once revealed, and what I may do (economy.md §10.2–10.5). */
export const contractFeedbackProcedure = partyProcedure
  .input(ZFeedbackContractId)
  .output(ZContractFeedback)
  .query(({ ctx, input }) => contractFeedback(ctx.prisma, input.contractId, { id: ctx.user.id, role: ctx.user.role }, ctx.now()));

/** My ended contracts still waiting for my feedback, soonest to close first (dashboard, contract page). */
export const feedbackToLeaveProcedure = partyProcedure.output(ZFeedbackToLeave).query(({ ctx }) => feedbackToLeave(ctx.prisma, ctx.user.id, ctx.now()));

/** A person's reputation for their profile: stars, the Job Success Score of a freelancer, revealed feedback (economy.md §10.5–10.6). */
export const reputationProcedure = protectedProcedure
  .input(ZReputationInput)
  .output(ZReputation)
  .query(({ ctx, input }) => reputationOf(ctx.prisma, input.userId, { id: ctx.user.id, role: ctx.user.role }, ctx.now()));
