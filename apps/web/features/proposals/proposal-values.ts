import { TEXT_RULES, WHOLE_RULES } from "@fairlance/rules";
import { problemsOf, readAmount, readText, readWholeNumber, type ServerFields } from "@/features/shared/form";

export interface ProposalValues {
  coverLetter: string;
  bid: string;
  boost: string;
}

export interface ProposalInput {
  coverLetter: string;
  bidMinor: bigint;
  boostConnects: number;
}

/** The proposal as `proposal.submit` takes it, checked by the service's own limits. */
export function parseProposal(values: ProposalValues) {
  const check = problemsOf<ProposalValues>();
  const coverLetter = check.take("coverLetter", readText(values.coverLetter, TEXT_RULES.coverLetter));
  const bidMinor = check.take("bid", readAmount(values.bid, "bid"));
  const boostConnects = check.take("boost", readWholeNumber(values.boost.trim() || "0", WHOLE_RULES.boostConnects));
  return check.done<ProposalInput>(() => ({ coverLetter: coverLetter!, bidMinor: bidMinor!, boostConnects: boostConnects! }));
}

export const PROPOSAL_SERVER_FIELDS: ServerFields<ProposalValues> = { fields: { coverLetter: "coverLetter", bidMinor: "bid", boostConnects: "boost" } };

