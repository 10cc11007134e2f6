"use client";

import { useQuery } from "@tanstack/react-query";
import { rolePluralTitle } from "@fairlance/rules";
import { Alert, Card, Skeleton, Stat } from "@/components/ui";
import { JOB_STATUS_LABEL } from "@/lib/format";
import { useTRPC } from "@/trpc/client";


export function AdminPanel() {
  const trpc = useTRPC();
  const data = useQuery(trpc.dashboard.admin.queryOptions());
  if (data.isPending) return <Skeleton className="h-40 w-full" />;
  if (data.isError) return <Alert>We could not load the overview: {data.error.message}</Alert>;
  const { usersByRole, jobsByStatus, newUsersLast7Days } = data.data;
  return (
    <div className="space-y-4">
      <Card title="People">
        <dl className="grid gap-4 sm:grid-cols-4">
          {usersByRole.map((group) => (
            <Stat key={group.role} label={rolePluralTitle(group.role)} value={group.count} />
          ))}
          <Stat label="New in the last 7 days" value={newUsersLast7Days} />
        </dl>
      </Card>
      <Card title="Jobs">
        <dl className="grid gap-4 sm:grid-cols-4">
          {jobsByStatus.map((group) => (
            <Stat key={group.status} label={JOB_STATUS_LABEL[group.status] ?? group.status} value={group.count} />
          ))}
        </dl>
      </Card>
    </div>
  );
}
