"use client";

import { formatCount } from "@fairlance/rules";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, Button, Card, EmptyState, Skeleton, scrollRegion } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { changesSummary, taskLabel } from "./run-text";

type Status = "RUNNING" | "SUCCEEDED" | "FAILED";
/** Rows shown at first, and added by each "Show more" (the query's runs, already on the page). */
const PAGE_ROWS = 20;
const STATUS_STYLE: Record<Status, string> = { RUNNING: "bg-sky-100 text-sky-900", SUCCEEDED: "bg-emerald-100 text-emerald-900", FAILED: "bg-red-100 text-red-800" };

/** The job runner's recent runs (what ran, for which marketplace time, what changed or failed) and jobs that gave up. */
export function JobRunsPage() {
  const trpc = useTRPC();
  const [status, setStatus] = useState<Status | "">("");
  const [shown, setShown] = useState(PAGE_ROWS);
  const runs = useQuery(trpc.admin.runs.list.queryOptions({ status: status || null }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Scheduled jobs</h1>
      <p className="text-sm text-slate-600">Every time here is on the marketplace clock (the demo clock when it runs): &ldquo;For time&rdquo; is the moment a run did the work of, &ldquo;Started&rdquo; when it began.</p>
      {runs.data && runs.data.failedJobs.length > 0 && (
        <Card title="Failed jobs (attempts used up)">
          <Alert>{formatCount(runs.data.failedJobs.length, "job")} stopped retrying.</Alert>
          <ul className="mt-2 space-y-1 text-sm">
            {runs.data.failedJobs.map((job, i) => <li key={i}><span className="font-medium">{taskLabel(job.task)}</span> after {job.attempts} attempts: {job.lastError ?? "no error recorded"}</li>)}
          </ul>
        </Card>
      )}
      <Card title="Recent runs">
        <label className="mb-3 block text-sm font-medium">
          Status
          <select value={status} onChange={(e) => { setStatus(e.target.value as Status | ""); setShown(PAGE_ROWS); }} className="ml-2 rounded-md border border-slate-300 px-2 py-1 font-normal">
            <option value="">All</option><option value="FAILED">Failed</option><option value="SUCCEEDED">Succeeded</option><option value="RUNNING">Running</option>
          </select>
        </label>
        {runs.isPending && <Skeleton className="h-40 w-full" />}
        <ErrorAlert error={runs.error} />
        {runs.data && (runs.data.runs.length === 0 ? <EmptyState title="No runs recorded yet">The job runner records each run here.</EmptyState> : (
          <div className="overflow-x-auto" {...scrollRegion("Recent runs")}>
            <table className="w-full min-w-[40rem] text-left text-sm">
              <caption className="sr-only">Recent runs, newest first</caption>
              <thead className="text-xs uppercase text-slate-500"><tr>{["Task", "For time", "Started", "Status", "Changes or error"].map((h) => <th key={h} scope="col" className="py-1 pr-3">{h}</th>)}</tr></thead>
              <tbody className="divide-y divide-slate-100">
                {runs.data.runs.slice(0, shown).map((run) => (
                  <tr key={run.id.toString()} className="align-top">
                    <td className="py-2 pr-3"><span title={run.task}>{taskLabel(run.task)}</span>{run.attempt > 1 && <span className="text-slate-500"> (attempt {run.attempt})</span>}</td>
                    <td className="whitespace-nowrap py-2 pr-3">{formatDateTime(run.now)}</td>
                    <td className="whitespace-nowrap py-2 pr-3">{formatDateTime(run.startedAt)}</td>
                    <td className="py-2 pr-3"><span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[run.status]}`}>{run.status.toLowerCase()}</span></td>
                    <td className="max-w-sm break-words py-2 text-xs">{run.error ?? changesSummary(run.changes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {runs.data.runs.length > shown && (
              <Button type="button" variant="secondary" className="mt-3" onClick={() => setShown(shown + PAGE_ROWS)}>
                Show more ({runs.data.runs.length - shown} older)
              </Button>
            )}
          </div>
        ))}
      </Card>
    </div>
  );
}
