import { InviteCandidatesInput } from "@fairlance/db/read";
import { ZInviteCandidatesOutput } from "../talent/talent.schema";

export const ZListInviteCandidatesInput = InviteCandidatesInput;
export const ZListInviteCandidatesOutput = ZInviteCandidatesOutput;
