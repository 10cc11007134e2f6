import { FeedbackModeration } from "./feedback-moderation";
import { FlaggedMessages } from "./flagged-messages";
import { OpenJobs } from "./open-jobs";
import { ReportQueue } from "./report-queue";

/** Reports and flags by priority come first (economy.md §5.2); then what the scam shield flagged (remove, warn, suspend or dismiss); then jobs, which can be removed for breaking the rules; then revealed feedback, which can be hidden with a reason. */
export function ModerationPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Moderation</h1>
      <ReportQueue />
      <FlaggedMessages />
      <OpenJobs />
      <FeedbackModeration />
    </div>
  );
}
