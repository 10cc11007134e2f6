import { DeclineProposalInput } from "@fairlance/db";
import { ZEndedProposal } from "./ended-proposal.schema";

export const ZDeclineProposalInput = DeclineProposalInput;
export const ZDeclineProposalOutput = ZEndedProposal;
