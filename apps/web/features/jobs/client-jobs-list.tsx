"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { EmptyState, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDate, JOB_STATUS_LABEL } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { JOB_TYPE_LABEL } from "./job-labels";
import { formatCount, formatConnects } from "@fairlance/rules";

/** The client's jobs with their status, proposal counts and, for an open job, when it expires (economy.md §3.1). */
export function ClientJobsList() {
  const trpc = useTRPC();
  const jobs = useQuery(trpc.job.listMine.queryOptions());
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">My jobs</h1>
        <Link href="/jobs/new" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">Post a job</Link>
      </div>
      {jobs.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : jobs.isError ? (
        <ErrorAlert error={jobs.error} />
      ) : jobs.data.length === 0 ? (
        <EmptyState title="You have not posted a job yet"><Link href="/jobs/new" className="text-brand-700 underline">Post your first job</Link>.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {jobs.data.map((job) => (
            <li key={job.id} className="flex flex-wrap items-center justify-between gap-2 p-4">
              <div>
                <Link href={`/client/jobs/${job.id}`} className="font-semibold text-brand-700 hover:underline">{job.title}</Link>
                <p className="text-xs text-slate-500">
                  {JOB_TYPE_LABEL[job.type]} · {job.publishedAt ? `published ${formatDate(job.publishedAt)}` : `created ${formatDate(job.createdAt)}`}
                  {job.connectCost !== null && <> · {formatConnects(job.connectCost)} to apply</>}
                </p>
                {job.status === "OPEN" && (
                  <p className="text-xs text-slate-600" data-testid="job-expiry">
                    {job.expiry.expiresAt ? `Expires ${formatDate(job.expiry.expiresAt)} unless there is activity` : "Does not expire while an offer waits for an answer"}
                  </p>
                )}
              </div>
              <div className="flex items-center gap-3 text-sm">
                <span>{formatCount(job.proposalCount, "proposal")}{job.unviewedProposals > 0 && <strong className="ml-1 text-brand-700">({job.unviewedProposals} new)</strong>}</span>
                <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium">{JOB_STATUS_LABEL[job.status]}</span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
