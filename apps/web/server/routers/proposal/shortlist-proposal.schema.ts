import { ShortlistProposalInput } from "@fairlance/db/services";
import { ZViewedProposal } from "./ended-proposal.schema";

export const ZShortlistProposalInput = ShortlistProposalInput;
export const ZShortlistProposalOutput = ZViewedProposal;
