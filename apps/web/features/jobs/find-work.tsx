"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button, EmptyState, Skeleton } from "@/components/ui";
import { SaveJobButton, savedJobIds } from "@/features/saved/save-job-button";
import { ErrorAlert } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";
import { JobResultCard } from "./job-result-card";
import { SearchFilters, type JobFilters } from "./search-filters";
import { formatCount } from "@fairlance/rules";

/** Find work: full-text search of open jobs with filters, sorting and pages. */
export function FindWork() {
  const trpc = useTRPC();
  const [filters, setFilters] = useState<JobFilters>({ sort: "newest" });
  const [page, setPage] = useState(1);
  const results = useQuery({ ...trpc.job.search.queryOptions({ ...filters, page }), placeholderData: keepPreviousData });
  const saved = useQuery(trpc.saved.jobs.queryOptions());
  const savedIds = savedJobIds(saved.data);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Find work</h1>
      <SearchFilters onSearch={(next) => { setFilters(next); setPage(1); }} />
      <section aria-labelledby="results-heading" aria-busy={results.isFetching} className="space-y-3">
        <h2 id="results-heading" className="sr-only">Results</h2>
        <ErrorAlert error={results.error} />
        {results.isPending ? (
          <div className="space-y-3"><Skeleton className="h-28 w-full" /><Skeleton className="h-28 w-full" /></div>
        ) : results.data && results.data.jobs.length === 0 ? (
          <EmptyState title="No open jobs match">Try fewer words or filters.</EmptyState>
        ) : results.data ? (
          <>
            <p aria-live="polite" className="text-sm text-slate-600">{results.data.totalCapped ? `More than ${formatCount(results.data.total, "open job")}` : formatCount(results.data.total, "open job")} found</p>
            {results.data.rankedNewest !== null && (results.data.totalCapped || results.data.total > results.data.rankedNewest) ? (
              <p className="text-sm text-slate-600">Best match ranks the {formatCount(results.data.rankedNewest, "newest matching job")}; older matches follow, newest first.</p>
            ) : null}
            <ul className="space-y-3">{results.data.jobs.map((job) => (
              <JobResultCard key={job.id} job={job} action={saved.data && <SaveJobButton jobId={job.id} title={job.title} saved={savedIds.has(job.id)} />} />
            ))}</ul>
            <nav aria-label="Pages" className="flex items-center justify-between gap-2 pt-2">
              <Button variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>Previous page</Button>
              <span className="text-sm text-slate-600">Page {results.data.page} of {results.data.pageCount}{results.data.totalCapped ? "+" : ""}</span>
              <Button variant="secondary" disabled={page >= results.data.maxPage || (page >= results.data.pageCount && !results.data.totalCapped)} onClick={() => setPage(page + 1)}>Next page</Button>
            </nav>
          </>
        ) : null}
      </section>
    </div>
  );
}
