import { MarkProposalViewedInput } from "@fairlance/db/services";
import { ZViewedProposal } from "./ended-proposal.schema";

export const ZMarkProposalViewedInput = MarkProposalViewedInput;
export const ZMarkProposalViewedOutput = ZViewedProposal;
