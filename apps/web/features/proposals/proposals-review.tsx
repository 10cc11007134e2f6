import { Card, EmptyState } from "@/components/ui";
import { ProposalReviewCard, type ReviewedProposal } from "./proposal-review-card";

/** The proposals on a client's job, boosted first. While an offer waits for an answer, no other can be sent (economy.md §3.7). */
export function ProposalsReview({ jobId, jobType, proposals }: { jobId: string; jobType: "FIXED" | "HOURLY"; proposals: ReviewedProposal[] }) {
  const offerOut = proposals.some((proposal) => proposal.status === "OFFERED");
  return (
    <Card title={`Proposals (${proposals.length})`}>
      {proposals.length === 0 ? (
        <EmptyState title="No proposals yet">Freelancers' proposals appear here as they arrive.</EmptyState>
      ) : (
        <ul className="space-y-3">
          {proposals.map((proposal) => <ProposalReviewCard key={proposal.id} jobId={jobId} jobType={jobType} proposal={proposal} offerOut={offerOut} />)}
        </ul>
      )}
    </Card>
  );
}
