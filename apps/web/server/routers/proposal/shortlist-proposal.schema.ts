import { ZViewedProposal } from "./ended-proposal.schema";

export const ZShortlistProposalOutput = ZViewedProposal;
