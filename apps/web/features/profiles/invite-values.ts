import { TEXT_RULES } from "@fairlance/rules";
import { problemsOf, readText, type Parsed } from "@/features/shared/form";

export interface InviteValues {
  jobId: string;
  message: string;
}

export const inviteDefaults = (name: string): InviteValues => ({ jobId: "", message: `Hello ${name}, I would like to invite you to apply to this job.` });

/** The invitation from a profile: one of the client's open jobs, and the message (TEXT_RULES.invitation). */
export function parseInvite(values: InviteValues): Parsed<InviteValues, InviteValues> {
  const check = problemsOf<InviteValues>();
  if (!values.jobId) check.add("jobId", "Choose the job to invite them to.");
  const message = check.take("message", readText(values.message, TEXT_RULES.invitation));
  return check.done(() => ({ jobId: values.jobId, message: message! }));
}
