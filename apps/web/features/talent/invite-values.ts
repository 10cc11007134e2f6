import { TEXT_RULES } from "@fairlance/rules";
import { problemsOf, readText, type Parsed } from "@/features/shared/form";

/** The invitation form from a freelancer's card: which of my open jobs, and the message. */
export interface InviteValues {
  jobId: string;
  message: string;
}

export const DEFAULT_INVITATION = "I would like to invite you to apply to this job.";

export function parseInvite(values: InviteValues): Parsed<InviteValues, { jobId: string; message: string }> {
  const check = problemsOf<InviteValues>();
  if (!values.jobId) check.add("jobId", "Choose one of your open jobs.");
  const message = check.take("message", readText(values.message, TEXT_RULES.invitation));
  return check.done(() => ({ jobId: values.jobId, message: message! }));
}
