import { Card, EmptyState } from "@/components/ui";
import { ProposalReviewCard, type ReviewedProposal } from "./proposal-review-card";

/**
 * The proposals on a client's job, in the read model's order: the top boost slots as the auction
 * settles them, then the rest oldest first, with the rule stated (economy.md §2.3). While an offer
 * waits for an answer, no other can be sent (economy.md §3.7).
 */
export function ProposalsReview({ jobId, jobType, proposals, ranking }: { jobId: string; jobType: "FIXED" | "HOURLY"; proposals: ReviewedProposal[]; ranking: string }) {
  const offerOut = proposals.some((proposal) => proposal.status === "OFFERED");
  return (
    <Card title={`Proposals (${proposals.length})`}>
      {proposals.length === 0 ? (
        <EmptyState title="No proposals yet">Freelancers' proposals appear here as they arrive.</EmptyState>
      ) : (
        <>
        <p className="mb-3 text-xs text-slate-600" data-testid="proposal-ranking">{ranking}</p>
        <ul className="space-y-3">
          {proposals.map((proposal) => <ProposalReviewCard key={proposal.id} jobId={jobId} jobType={jobType} proposal={proposal} offerOut={offerOut} />)}
        </ul>
        </>
      )}
    </Card>
  );
}
