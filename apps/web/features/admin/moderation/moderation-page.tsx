import { FeedbackModeration } from "./feedback-moderation";
import { FlaggedMessages } from "./flagged-messages";
import { OpenJobs } from "./open-jobs";

/** What the scam shield flagged comes first (remove, warn, suspend or dismiss); then jobs, which can be removed for breaking the rules; then revealed feedback, which can be hidden with a reason. */
export function ModerationPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Moderation</h1>
      <FlaggedMessages />
      <OpenJobs />
      <FeedbackModeration />
    </div>
  );
}
