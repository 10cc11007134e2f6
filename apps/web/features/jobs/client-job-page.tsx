"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Alert, Button, Skeleton } from "@/components/ui";
import { ProposalsReview } from "@/features/proposals/proposals-review";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDate, JOB_STATUS_LABEL } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { CloseJobDialog } from "./close-job-dialog";
import { EditJobForm } from "./edit-job-form";
import { InvitePanel } from "./invite-panel";
import { JobSummary } from "./job-summary";
import { PublishJobButton } from "./publish-job-button";
import { formatConnects } from "@fairlance/rules";

/** A client's own job: edit, publish, close, invite, and review its proposals. */
export function ClientJobPage({ jobId }: { jobId: string }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.job.getMine.queryOptions({ jobId }));
  const [editing, setEditing] = useState(false);
  if (detail.isPending) return <div className="space-y-4" aria-busy="true"><Skeleton className="h-48 w-full" /><Skeleton className="h-32 w-full" /></div>;
  if (detail.isError) return <ErrorAlert error={detail.error} />;
  const { job, proposals, invitations, pausedProposals } = detail.data;
  const live = proposals.filter((proposal) => ["SUBMITTED", "VIEWED", "SHORTLISTED", "INTERVIEWING"].includes(proposal.status)).length;
  const editable = job.status === "DRAFT" || job.status === "OPEN";
  const offerOut = proposals.some((proposal) => proposal.status === "OFFERED");
  // The contract the job was filled by: the accepted offer of one of its proposals.
  const hired = proposals.find((proposal) => proposal.offer?.status === "ACTIVE" || proposal.offer?.status === "ENDED")?.offer;
  const status = (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="rounded-full bg-slate-100 px-2 py-0.5 font-medium" data-testid="job-status">{JOB_STATUS_LABEL[job.status]}</span>
      {job.status === "OPEN" && job.connectCost !== null && <span className="text-slate-600">{formatConnects(job.connectCost)} to apply</span>}
      {hired && <Link href={`/contracts/${hired.contractId}`} className="text-brand-700 underline">See the contract</Link>}
      {job.status === "OPEN" && (
        <p className="w-full text-slate-600" data-testid="job-expiry">
          {job.expiry.expiresAt ? (
            <>Expires <strong>{formatDate(job.expiry.expiresAt)}</strong> unless there is activity — what counts: {detail.data.activityCounts}.</>
          ) : (
            "Does not expire while an offer waits for an answer."
          )}
        </p>
      )}
    </div>
  );

  return (
    <div className="space-y-6">
      {editing ? <EditJobForm job={job} onDone={() => setEditing(false)} /> : <JobSummary job={job} status={status} />}
      {editable && !editing && (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setEditing(true)}>Edit job</Button>
          {job.status === "DRAFT" && <PublishJobButton jobId={job.id} />}
        </div>
      )}
      {job.pausedAt && job.status === "OPEN" && (
        <Alert tone="warning">This job is paused while your account is suspended: it is out of search and takes no proposals. It comes back when the suspension is lifted.</Alert>
      )}
      {pausedProposals > 0 && (
        <p className="text-sm text-slate-600" data-testid="paused-proposals">
          {pausedProposals === 1 ? "1 proposal is" : `${pausedProposals} proposals are`} paused while the freelancer&apos;s account is under review; it comes back here if the review ends well.
        </p>
      )}
      {job.status === "OPEN" &&
        (offerOut ? (
          <p className="text-sm text-slate-600" data-testid="offer-out">
            An offer on this job is waiting for an answer. The job is filled when the freelancer accepts it; if it is declined or expires, the
            proposal goes back to the list and you can hire again or close the job.
          </p>
        ) : (
          <CloseJobDialog jobId={job.id} liveProposals={live} />
        ))}
      {job.status === "OPEN" && <InvitePanel jobId={job.id} invitations={invitations} />}
      <ProposalsReview jobId={job.id} jobType={job.type} proposals={proposals} ranking={detail.data.ranking} />
    </div>
  );
}
