import { contractFeedback, feedbackToLeave, reputationOf } from "@fairlance/db/read";
import { TRPCError } from "@trpc/server";
import { sessionUser } from "../../session-user";
import { partyProcedure, publicProcedure } from "../../trpc";
import { ZContractFeedback, ZFeedbackContractId, ZFeedbackToLeave, ZReputation, ZReputationInput } from "./feedback.schema";

/** One contract's feedback for its page: mine, theirs once revealed, and what I may do (economy.md §10.2–10.5). */
export const contractFeedbackProcedure = partyProcedure
  .input(ZFeedbackContractId)
  .output(ZContractFeedback)
  .query(({ ctx, input }) => contractFeedback(ctx.prisma, input.contractId, { id: ctx.user.id, role: ctx.user.role }, ctx.now()));

/** My ended contracts still waiting for my feedback, soonest to close first (dashboard, contract page). */
export const feedbackToLeaveProcedure = partyProcedure.output(ZFeedbackToLeave).query(({ ctx }) => feedbackToLeave(ctx.prisma, ctx.user.id, ctx.now()));

/**
 * A person's reputation for their profile: stars, the Job Success Score of a freelancer, revealed
 * feedback (economy.md §10.5–10.6). Revealed feedback is public (§10.3), so a freelancer's
 * reputation is shown to anyone, like their profile; a client's, like a client's profile, to
 * people signed in.
 */
export const reputationProcedure = publicProcedure
  .input(ZReputationInput)
  .output(ZReputation)
  .query(async ({ ctx, input }) => {
    const viewer = await sessionUser(ctx.prisma, ctx.session);
    if (!viewer) {
      const person = await ctx.prisma.user.findUnique({ where: { id: input.userId }, select: { role: true } });
      if (person?.role === "CLIENT") throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to see a client's reviews." });
    }
    const reader = viewer ? { id: viewer.id, role: viewer.role } : null;
    // Someone else's reviews may be a few seconds stale (the replica); one's own (a reply just written) come from the primary.
    if (viewer?.id === input.userId) return reputationOf(ctx.prisma, input.userId, reader, ctx.now());
    return ctx.mayBeStale((db) => reputationOf(db, input.userId, reader, ctx.now()));
  });
