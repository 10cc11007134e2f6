"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatConnects, formatCount } from "@fairlance/rules";
import { EmptyState, Skeleton } from "@/components/ui";
import { JobBudget } from "@/features/jobs/job-budget";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { SaveJobButton } from "./save-job-button";

/** A freelancer's saved jobs, most recent first, each with its state now; unsave from here. */
export function SavedJobs() {
  const trpc = useTRPC();
  const saved = useQuery(trpc.saved.jobs.queryOptions());
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Saved jobs</h1>
      <section aria-labelledby="saved-jobs-heading" className="space-y-3">
        <h2 id="saved-jobs-heading" className="sr-only">Jobs you saved</h2>
        <ErrorAlert error={saved.error} />
        {saved.isPending ? (
          <Skeleton className="h-32 w-full" />
        ) : saved.data && saved.data.length === 0 ? (
          <EmptyState title="No saved jobs">
            Save jobs from <Link href="/jobs" className="font-medium text-brand-700 underline">Find work</Link> to come back to them before you apply.
          </EmptyState>
        ) : saved.data ? (
          <>
            <p aria-live="polite" className="text-sm text-slate-600">{formatCount(saved.data.length, "saved job")}</p>
            <ul className="space-y-3">
              {saved.data.map(({ job, savedAt, open, note }) => (
                <li key={job.id}>
                  <article aria-labelledby={`saved-${job.id}`} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <h3 id={`saved-${job.id}`} className="text-base font-semibold">
                        <Link href={`/jobs/${job.id}`} className="text-brand-700 hover:underline">{job.title}</Link>
                      </h3>
                      <SaveJobButton jobId={job.id} title={job.title} saved />
                    </div>
                    <p className="text-sm text-slate-600">
                      <JobBudget job={{ ...job, estimatedHours: null }} />
                      {open && job.connectCost !== null && <> · {formatConnects(job.connectCost)} to apply</>} · {formatCount(job.proposalCount, "proposal")}
                    </p>
                    <p className={`text-sm ${open ? "text-emerald-800" : "text-slate-700"}`}>{note}</p>
                    <p className="text-xs text-slate-500">Saved {formatDate(savedAt)}</p>
                  </article>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </div>
  );
}
