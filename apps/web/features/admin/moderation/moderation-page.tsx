import { FlaggedMessages } from "./flagged-messages";
import { OpenJobs } from "./open-jobs";

/** Remove jobs that break the rules (their proposals' connects come back) and review what the scam shield flagged. */
export function ModerationPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Moderation</h1>
      <OpenJobs />
      <FlaggedMessages />
    </div>
  );
}
