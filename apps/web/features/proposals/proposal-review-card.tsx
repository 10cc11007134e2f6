"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ReportButton } from "@/features/reports/report-button";
import Link from "next/link";
import { useState } from "react";
import { Bid } from "@/components/money";
import { Button } from "@/components/ui";
import { PROPOSAL_STATUS_LABEL } from "@/features/jobs/job-labels";
import { MessageThread } from "@/features/messages/message-thread";
import { ErrorAlert } from "@/features/shared/error-message";
import { FreelancerSummary, type FreelancerSummaryView } from "@/features/shared/freelancer-summary";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatDate, formatDateTime } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { formatConnects } from "@fairlance/rules";

export interface ReviewedProposal {
  id: string;
  freelancer: FreelancerSummaryView;
  coverLetter: string;
  bidMinor: bigint;
  status: string;
  invited: boolean;
  boostConnects: number;
  /** Its boost holds one of the top slots (economy.md §2.3). */
  topSlot: boolean;
  submittedAt: Date;
  viewedAt: Date | null;
  hasContract: boolean;
  /** Its latest offer (economy.md §3.7): waiting until offerExpiresAt, accepted, declined or expired. */
  offer: { contractId: string; status: string; offerExpiresAt: Date; endedAt: Date | null } | null;
}

const OFFER_LINE: Record<string, string> = { DECLINED: "Your offer was declined", EXPIRED: "Your offer expired unanswered" };

const LIVE = ["SUBMITTED", "VIEWED", "SHORTLISTED", "INTERVIEWING"];

/**
 * One proposal: opening it marks it viewed; shortlist, invite to interview, decline (after a
 * confirm), message, or hire. Hiring sends an offer; the job is filled only when the freelancer
 * accepts it, and while it waits (`offerOut`) no other offer can be sent.
 */
export function ProposalReviewCard({ jobId, jobType, proposal, offerOut }: { jobId: string; jobType: "FIXED" | "HOURLY"; proposal: ReviewedProposal; offerOut: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const [open, setOpen] = useState(false);
  const [declining, setDeclining] = useState(false);
  const refresh = async () => { renew(); await queryClient.invalidateQueries(trpc.job.pathFilter()); };
  const view = useMutation(trpc.proposal.markViewed.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.job.pathFilter()) }));
  const shortlist = useMutation(trpc.proposal.shortlist.mutationOptions({ onSuccess: refresh }));
  const interview = useMutation(trpc.proposal.interview.mutationOptions({ onSuccess: refresh }));
  const decline = useMutation(trpc.proposal.decline.mutationOptions({ onSuccess: async () => { setDeclining(false); await refresh(); } }));
  const live = LIVE.includes(proposal.status);
  function toggle() {
    if (!open && proposal.status === "SUBMITTED") view.mutate({ proposalId: proposal.id });
    setOpen(!open);
  }
  return (
    <li className="rounded-md border border-slate-200 p-3" data-testid="proposal-review">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0 space-y-1">
          <FreelancerSummary freelancer={proposal.freelancer} headingLevel="h3" />
          <p className="text-xs text-slate-500">
            Bid <Bid minor={proposal.bidMinor} jobType={jobType} /> · sent {formatDate(proposal.submittedAt)}
            {proposal.invited && " · invited"}{proposal.boostConnects > 0 && ` · boosted (${formatConnects(proposal.boostConnects)})`}
            {proposal.topSlot && <strong className="ml-1 text-brand-700" data-testid="top-slot">· top slot</strong>}
          </p>
          {proposal.offer && proposal.status === "OFFERED" && (
            <p className="text-xs text-slate-700" data-testid="offer-state">
              Offer waiting for an answer until {formatDateTime(proposal.offer.offerExpiresAt)} ·{" "}
              <Link href={`/contracts/${proposal.offer.contractId}`} className="text-brand-700 underline">View offer</Link>
            </p>
          )}
          {proposal.offer && OFFER_LINE[proposal.offer.status] && proposal.status !== "OFFERED" && (
            <p className="text-xs text-slate-500" data-testid="offer-state">
              {OFFER_LINE[proposal.offer.status]}{proposal.offer.endedAt && ` on ${formatDate(proposal.offer.endedAt)}`}: you can hire again.
            </p>
          )}
        </div>
        <div className="flex items-center gap-2">
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium">{PROPOSAL_STATUS_LABEL[proposal.status] ?? proposal.status}</span>
          <Button variant="secondary" onClick={toggle} aria-expanded={open}>{open ? "Close" : "Open proposal"}</Button>
        </div>
      </div>
      {open && (
        <div className="mt-3 space-y-3">
          <p className="whitespace-pre-line text-sm text-slate-800">{proposal.coverLetter}</p>
          <ErrorAlert error={view.error ?? shortlist.error ?? interview.error ?? decline.error} />
          {live && (
            <div className="flex flex-wrap gap-2">
              {offerOut ? (
                <span className="self-center text-xs text-slate-500">An offer on this job is waiting for an answer: you can hire again if it is declined or expires.</span>
              ) : (
                <Link href={`/client/jobs/${jobId}/hire/${proposal.id}`} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">Hire</Link>
              )}
              {(proposal.status === "SUBMITTED" || proposal.status === "VIEWED") && <Button variant="secondary" disabled={shortlist.isPending} onClick={() => shortlist.mutate({ proposalId: proposal.id, idempotencyKey: key })}>Shortlist</Button>}
              {proposal.status !== "INTERVIEWING" && <Button variant="secondary" disabled={interview.isPending} onClick={() => interview.mutate({ proposalId: proposal.id, idempotencyKey: key })}>Invite to interview</Button>}
              {!declining && <Button variant="ghost" onClick={() => setDeclining(true)}>Decline…</Button>}
            </div>
          )}
          {declining && (
            <div role="alertdialog" aria-label="Decline this proposal" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
              <p>Decline {proposal.freelancer.name}&apos;s proposal? It ends, and the connects they spent do not come back.</p>
              <div className="flex gap-2">
                <Button onClick={() => decline.mutate({ proposalId: proposal.id, idempotencyKey: key })} disabled={decline.isPending}>Decline proposal</Button>
                <Button variant="secondary" onClick={() => setDeclining(false)}>Keep it</Button>
              </div>
            </div>
          )}
          <ReportButton objectKind="PROPOSAL" objectId={proposal.id} noun="proposal" />
          <MessageThread proposalId={proposal.id} />
        </div>
      )}
    </li>
  );
}
