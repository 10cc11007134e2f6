"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Alert, Card, Skeleton } from "@/components/ui";
import { MyProposalCard } from "@/features/proposals/my-proposal-card";
import { ProposalForm } from "@/features/proposals/proposal-form";
import { SaveJobButton, savedJobIds } from "@/features/saved/save-job-button";
import { ErrorAlert } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";
import { ClientTrustPanel } from "./client-trust-panel";
import { ReportButton } from "@/features/reports/report-button";
import { JobSummary } from "./job-summary";
import { formatConnects } from "@fairlance/rules";

/** A job as a freelancer sees it: terms, what applying costs against their balance, the client, and their proposal. */
export function JobPage({ jobId }: { jobId: string }) {
  const trpc = useTRPC();
  const view = useQuery(trpc.job.get.queryOptions({ jobId }));
  const saved = useQuery(trpc.saved.jobs.queryOptions());
  if (view.isPending) return <div className="space-y-4" aria-busy="true"><Skeleton className="h-48 w-full" /><Skeleton className="h-32 w-full" /></div>;
  if (view.isError) return <ErrorAlert error={view.error} />;
  const { job, myProposal } = view.data;
  const isSaved = savedJobIds(saved.data).has(jobId);

  return (
    // On a phone the column stacks as summary, connects and client, then the proposal: what it
    // costs and who the client is come before the time spent writing.
    <div className="grid gap-6 lg:grid-cols-3 lg:grid-rows-[auto_1fr] lg:items-start">
      <div className="lg:col-span-2">
        <JobSummary job={job} status={(job.status === "OPEN" || isSaved) && saved.data ? <div><SaveJobButton jobId={jobId} title={job.title} saved={isSaved} /></div> : undefined} />
      </div>
      <div className="space-y-6 lg:col-start-3 lg:row-span-2 lg:row-start-1">
        <Card title="Connects">
          <dl className="space-y-2 text-sm">
            <div className="flex justify-between"><dt>To apply</dt><dd className="font-semibold" data-testid="connects-required">{formatConnects(view.data.costForYou)}</dd></div>
            {view.data.invited && <p className="text-xs text-emerald-700">You were invited, so applying costs no connects (a boost still does).</p>}
            <div className="flex justify-between"><dt>Your balance</dt><dd className="font-semibold" data-testid="connect-balance">{formatConnects(view.data.connectBalance)}</dd></div>
          </dl>
          <Link href="/connects" className="mt-3 inline-block text-sm text-brand-700 underline">Buy connects</Link>
        </Card>
        <ClientTrustPanel client={view.data.client} />
        {job.status !== "REMOVED" && (
          <section aria-label="Report this job" className="text-sm text-slate-600">
            <p className="mb-2">Does this job look like a scam or break the rules?</p>
            <ReportButton objectKind="JOB" objectId={jobId} noun="job" />
          </section>
        )}
      </div>
      <div id="send-proposal" className="scroll-mt-4 space-y-6 lg:col-span-2">
        {!myProposal && job.status === "OPEN" && view.data.invited && <Alert tone="info">You were invited to this job: your proposal costs 0 connects.</Alert>}
        {myProposal ? (
          <MyProposalCard proposal={myProposal} jobId={jobId} jobType={job.type} />
        ) : job.status === "OPEN" && job.pausedAt ? (
          <Card><p className="text-sm text-slate-700" data-testid="job-paused">This job is paused while its client&apos;s account is under review: it takes no proposals for now.</p></Card>
        ) : job.status === "OPEN" ? (
          <ProposalForm jobId={jobId} job={job} costForYou={view.data.costForYou} balance={view.data.connectBalance} invited={view.data.invited} />
        ) : (
          <Card><p className="text-sm text-slate-700">This job is no longer open for proposals.</p></Card>
        )}
      </div>
    </div>
  );
}
