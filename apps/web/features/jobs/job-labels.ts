export const JOB_TYPE_LABEL = { FIXED: "Fixed price", HOURLY: "Hourly" } as const;
export const LEVEL_LABEL = { ENTRY: "Entry level", INTERMEDIATE: "Intermediate", EXPERT: "Expert" } as const;

export const PROPOSAL_STATUS_LABEL: Record<string, string> = {
  SUBMITTED: "Submitted",
  VIEWED: "Viewed by the client",
  SHORTLISTED: "Shortlisted",
  INTERVIEWING: "Interviewing",
  OFFERED: "Offer sent",
  HIRED: "Hired",
  DECLINED: "Declined",
  WITHDRAWN: "Withdrawn",
  CLOSED: "Closed",
};

/** "1 day", "3 weeks"-style wording of a job's estimated duration in days. */
export function durationLabel(days: number): string {
  if (days === 1) return "1 day";
  if (days < 14 || days % 7 !== 0) return `${days} days`;
  return `${days / 7} weeks`;
}

