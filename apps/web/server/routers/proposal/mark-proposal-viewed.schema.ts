import { ZViewedProposal } from "./ended-proposal.schema";

export const ZMarkProposalViewedOutput = ZViewedProposal;
