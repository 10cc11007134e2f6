import { router } from "../../trpc";
import { declineProposalProcedure } from "./decline-proposal";
import { feePreviewProcedure } from "./fee-preview";
import { interviewProposalProcedure } from "./interview-proposal";
import { listMyProposalsProcedure } from "./list-my-proposals";
import { markProposalViewedProcedure } from "./mark-proposal-viewed";
import { shortlistProposalProcedure } from "./shortlist-proposal";
import { submitProposalProcedure } from "./submit-proposal";
import { withdrawProposalProcedure } from "./withdraw-proposal";

export const proposalRouter = router({
  feePreview: feePreviewProcedure,
  submit: submitProposalProcedure,
  withdraw: withdrawProposalProcedure,
  listMine: listMyProposalsProcedure,
  markViewed: markProposalViewedProcedure,
  shortlist: shortlistProposalProcedure,
  interview: interviewProposalProcedure,
  decline: declineProposalProcedure,
});
