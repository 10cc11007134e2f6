import { ZEndedProposal } from "./ended-proposal.schema";

export const ZDeclineProposalOutput = ZEndedProposal;
