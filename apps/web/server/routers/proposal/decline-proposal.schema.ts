import { DeclineProposalInput } from "@fairlance/db/services";
import { ZEndedProposal } from "./ended-proposal.schema";

export const ZDeclineProposalInput = DeclineProposalInput;
export const ZDeclineProposalOutput = ZEndedProposal;
