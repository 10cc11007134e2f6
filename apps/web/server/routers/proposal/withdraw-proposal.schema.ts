import { WithdrawProposalInput } from "@fairlance/db/services";
import { ZEndedProposal } from "./ended-proposal.schema";

export const ZWithdrawProposalInput = WithdrawProposalInput;
export const ZWithdrawProposalOutput = ZEndedProposal;
