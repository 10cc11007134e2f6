"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert, Card, EmptyState, Skeleton } from "@/components/ui";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { formatConnects } from "@fairlance/rules";

export function FreelancerPanel() {
  const trpc = useTRPC();
  const data = useQuery(trpc.dashboard.freelancer.queryOptions());
  if (data.isPending) return <Skeleton className="h-40 w-full" />;
  if (data.isError) return <Alert>We could not load open jobs: {data.error.message}</Alert>;
  return (
    <Card title={`Open jobs on Fairlance (${data.data.openJobs})`}>
      {data.data.latestJobs.length === 0 ? (
        <EmptyState title="No open jobs yet">New jobs appear here as soon as clients publish them.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100">
          {data.data.latestJobs.map((job) => (
            <li key={job.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span className="font-medium text-slate-800">{job.title}</span>
              <span className="text-slate-500">
                {job.connectCost !== null && <>{formatConnects(job.connectCost)} to apply · </>}
                {job.publishedAt ? `posted ${formatDate(job.publishedAt)}` : "not published"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
