import { ShortlistProposalInput } from "@fairlance/db";
import { ZViewedProposal } from "./ended-proposal.schema";

export const ZShortlistProposalInput = ShortlistProposalInput;
export const ZShortlistProposalOutput = ZViewedProposal;
