"use client";

import { useQuery } from "@tanstack/react-query";
import { roleTitle, type RoleName } from "@fairlance/rules";
import { Alert, Skeleton, Stat } from "@/components/ui";
import { formatAge, formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { AdminPanel } from "./admin-panel";
import { ClientPanel } from "./client-panel";
import { FreelancerPanel } from "./freelancer-panel";

export function Dashboard({ role }: { role: RoleName }) {
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());

  if (me.isPending) {
    return (
      <div className="space-y-4" aria-busy="true">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-24 w-full" />
      </div>
    );
  }
  if (me.isError) return <Alert>We could not load your account: {me.error.message}</Alert>;

  const user = me.data;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Welcome, {user.name}</h1>
        <p className="text-slate-600">{user.email}</p>
      </div>
      <dl className="grid gap-4 sm:grid-cols-3">
        <Stat label="Role" value={roleTitle(user.role)} />
        <Stat label="Member since" value={formatDate(user.createdAt)} />
        <Stat label="Account age" value={formatAge(user.createdAt, user.now)} />
      </dl>
      {role === "FREELANCER" && <FreelancerPanel />}
      {role === "CLIENT" && <ClientPanel />}
      {role === "ADMIN" && <AdminPanel />}
    </div>
  );
}
