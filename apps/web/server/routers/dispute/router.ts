import {
  AcceptSplitInput,
  acceptSplit,
  AddStatementInput,
  addStatement,
  ProposeSplitInput,
  proposeSplit,
  WithdrawDisputeInput,
  withdrawDispute,
} from "@fairlance/db/services";
import { getDispute, previewDisputeDivision } from "@fairlance/db/read";
import { partyProcedure, protectedProcedure, router } from "../../trpc";
import { ZAddedStatement, ZClosedDispute, ZDisputeInput, ZDisputeView, ZDivisionInput, ZDivisionPreview, ZProposedSplit, ZWithdrawnDispute } from "./dispute.schema";

/** A dispute, for its two parties and the mediating admins (economy.md §9.3–9.4). */
export const disputeRouter = router({
  get: protectedProcedure
    .input(ZDisputeInput)
    .output(ZDisputeView)
    .query(({ ctx, input }) => getDispute(ctx.prisma, { ...input, ...ctx.caller })),
  /** The numbers of a division before anyone commits to it: the freelancer's fee and net, the client's refund. */
  previewDivision: protectedProcedure
    .input(ZDivisionInput)
    .output(ZDivisionPreview)
    .query(({ ctx, input }) => previewDisputeDivision(ctx.prisma, { ...input, ...ctx.caller })),
  addStatement: protectedProcedure
    .input(AddStatementInput)
    .output(ZAddedStatement)
    .mutation(({ ctx, input }) => addStatement(ctx.prisma, { ...input, ...ctx.caller })),
  propose: partyProcedure
    .input(ProposeSplitInput)
    .output(ZProposedSplit)
    .mutation(({ ctx, input }) => proposeSplit(ctx.prisma, { ...input, ...ctx.caller })),
  acceptProposal: partyProcedure
    .input(AcceptSplitInput)
    .output(ZClosedDispute)
    .mutation(({ ctx, input }) => acceptSplit(ctx.prisma, { ...input, ...ctx.caller })),
  withdraw: partyProcedure
    .input(WithdrawDisputeInput)
    .output(ZWithdrawnDispute)
    .mutation(({ ctx, input }) => withdrawDispute(ctx.prisma, { ...input, ...ctx.caller })),
});
