"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert, Card, EmptyState, Skeleton, Stat } from "@/components/ui";
import { JOB_STATUS_LABEL, formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";

export function ClientPanel() {
  const trpc = useTRPC();
  const data = useQuery(trpc.dashboard.client.queryOptions());
  if (data.isPending) return <Skeleton className="h-40 w-full" />;
  if (data.isError) return <Alert>We could not load your jobs: {data.error.message}</Alert>;
  const { jobsByStatus, recentJobs } = data.data;
  return (
    <div className="space-y-4">
      {jobsByStatus.length > 0 && (
        <dl className="grid gap-4 sm:grid-cols-4">
          {jobsByStatus.map((group) => (
            <Stat key={group.status} label={`${JOB_STATUS_LABEL[group.status]} jobs`} value={group.count} />
          ))}
        </dl>
      )}
      <Card title="Your latest jobs">
        {recentJobs.length === 0 ? (
          <EmptyState title="You have not posted a job yet">Jobs you post appear here with their status.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {recentJobs.map((job) => (
              <li key={job.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span className="font-medium text-slate-800">{job.title}</span>
                <span className="text-slate-500">
                  {JOB_STATUS_LABEL[job.status]}
                  {job.publishedAt && ` · posted ${formatDate(job.publishedAt)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
