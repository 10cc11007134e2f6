"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, Card, EmptyState, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDate, JOB_STATUS_LABEL } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { Pager } from "../pager";
import { ReasonedAction } from "../reasoned-action";
import { TEXT_RULES, formatConnects, formatCount } from "@fairlance/rules";

type Status = "DRAFT" | "OPEN" | "HIRED" | "CLOSED" | "EXPIRED" | "REMOVED";
const STATUSES: Status[] = ["OPEN", "DRAFT", "HIRED", "CLOSED", "EXPIRED", "REMOVED"];

/** Every job, filtered by status, client and text; an open one can be removed for breaking the rules. */
export function OpenJobs() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState("");
  const [client, setClient] = useState("");
  const [status, setStatus] = useState<Status | "">("");
  const [page, setPage] = useState(1);
  const jobs = useQuery(trpc.admin.moderation.jobs.queryOptions({ query: query || undefined, client: client || undefined, status: status || null, page }));
  const remove = useMutation(trpc.admin.moderation.removeJob.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.admin.pathFilter()) }));
  return (
    <Card title="Jobs">
      <div className="mb-3 flex flex-wrap gap-3">
        <label className="block text-sm font-medium">
          Title or description
          <input type="search" value={query} onChange={(e) => { setQuery(e.target.value); setPage(1); }} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-normal sm:w-64" />
        </label>
        <label className="block text-sm font-medium">
          Client (name or email)
          <input type="search" value={client} onChange={(e) => { setClient(e.target.value); setPage(1); }} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-normal sm:w-56" />
        </label>
        <label className="block text-sm font-medium">
          Status
          <select value={status} onChange={(e) => { setStatus(e.target.value as Status | ""); setPage(1); }} className="mt-1 block rounded-md border border-slate-300 px-3 py-2 font-normal">
            <option value="">All</option>
            {STATUSES.map((s) => <option key={s} value={s}>{JOB_STATUS_LABEL[s]}</option>)}
          </select>
        </label>
      </div>
      <div aria-live="polite">
        {remove.data && <Alert tone="success">Job removed: {formatCount(remove.data.proposalsClosed, "proposal")} closed, {formatConnects(remove.data.connectsRefunded)} refunded.</Alert>}
      </div>
      {jobs.isPending && <Skeleton className="h-32 w-full" />}
      <ErrorAlert error={jobs.error} />
      {jobs.data && (jobs.data.rows.length === 0 ? <EmptyState title="No jobs match" /> : (
        <>
          <ul className="divide-y divide-slate-100">
            {jobs.data.rows.map((job) => (
              <li key={job.id} className="flex flex-wrap items-start justify-between gap-2 py-3" data-testid="moderation-job">
                <div className="min-w-0">
                  <p className="font-medium">{job.title} <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-700">{JOB_STATUS_LABEL[job.status]}</span></p>
                  <p className="text-xs text-slate-500">
                    {job.client.name} · published {job.publishedAt ? formatDate(job.publishedAt) : "—"} · {job.proposalCount} {job.proposalCount === 1 ? "proposal" : "proposals"} · {job.connectCost ?? 0} {job.connectCost === 1 ? "connect" : "connects"} to apply
                  </p>
                </div>
                {job.status === "OPEN" && <ReasonedAction
                  id={`remove-${job.id}`}
                  rule={TEXT_RULES.removeJobReason}
                  label="Remove job"
                  tone="danger"
                  reasonLabel="Why is it removed? (shown to applicants)"
                  confirm={`"${job.title}" is removed. ${job.proposalCount === 0 ? "It has no proposals." : `Its ${formatCount(job.proposalCount, "proposal")} ${job.proposalCount === 1 ? "closes and gets" : "close and each gets"} all its connects back, with your reason.`}`}
                  submit={(idempotencyKey, reason, done) => remove.mutate({ jobId: job.id, idempotencyKey, reason }, { onSuccess: done })}
                  isPending={remove.isPending}
                  error={remove.error}
                />}
              </li>
            ))}
          </ul>
          <Pager label="Jobs" page={jobs.data.page} pageSize={jobs.data.pageSize} total={jobs.data.total} onPage={setPage} />
        </>
      ))}
    </Card>
  );
}
