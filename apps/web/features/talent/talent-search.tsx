"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button, EmptyState, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";
import { InviteToJob } from "./invite-to-job";
import { SaveFreelancerButton } from "./save-freelancer-button";
import { TalentCard } from "./talent-card";
import { definedFilters, FIRST_TALENT_FILTERS, type TalentFilters } from "./talent-filter-values";
import { TalentFiltersForm } from "./talent-filters-form";
import { TalentTabs } from "./talent-tabs";

/** Find talent: freelancers by words, rate, Job Success Score, skills, availability and earnings (economy.md §10.9). */
export function TalentSearch() {
  const trpc = useTRPC();
  const [filters, setFilters] = useState<TalentFilters>(FIRST_TALENT_FILTERS);
  const [page, setPage] = useState(1);
  const results = useQuery({ ...trpc.talent.search.queryOptions({ ...filters, page }), placeholderData: keepPreviousData });
  const saved = useQuery(trpc.saved.freelancers.queryOptions());
  const savedIds = new Set((saved.data ?? []).map((freelancer) => freelancer.id));

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Find talent</h1>
      <TalentTabs current="search" />
      <TalentFiltersForm onSearch={(next) => { setFilters(definedFilters(next)); setPage(1); }} />
      <section aria-labelledby="talent-results" aria-busy={results.isFetching} className="space-y-3">
        <h2 id="talent-results" className="sr-only">Freelancers found</h2>
        <ErrorAlert error={results.error} />
        <p aria-live="polite" className="text-sm text-slate-600">{results.data && results.data.total > 0 ? `${results.data.summary} found` : ""}</p>
        {results.isPending ? (
          <div className="space-y-3"><Skeleton className="h-32 w-full" /><Skeleton className="h-32 w-full" /></div>
        ) : results.data && results.data.freelancers.length === 0 ? (
          <EmptyState title="No freelancer matches">Try fewer words, a wider rate range, a lower minimum score or fewer skills.</EmptyState>
        ) : results.data ? (
          <>
            <ul className="space-y-3">
              {results.data.freelancers.map((freelancer) => (
                <li key={freelancer.id}>
                  <TalentCard freelancer={freelancer}>
                    <div className="flex flex-wrap items-start gap-2">
                      <SaveFreelancerButton freelancerId={freelancer.id} name={freelancer.name} saved={savedIds.has(freelancer.id)} />
                      <InviteToJob freelancerId={freelancer.id} name={freelancer.name} />
                    </div>
                  </TalentCard>
                </li>
              ))}
            </ul>
            {results.data.pageCount > 1 && (
              <nav aria-label="Pages" className="flex items-center justify-between gap-2 pt-2">
                <Button variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>Previous page</Button>
                <span className="text-sm text-slate-600">Page {results.data.page} of {results.data.pageCount}</span>
                <Button variant="secondary" disabled={page >= results.data.pageCount || page >= results.data.maxPage} onClick={() => setPage(page + 1)}>Next page</Button>
              </nav>
            )}
          </>
        ) : null}
      </section>
    </div>
  );
}
