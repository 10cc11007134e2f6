import { ZEndedProposal } from "./ended-proposal.schema";

export const ZWithdrawProposalOutput = ZEndedProposal;
