import type { Metadata } from "next";
import { Dashboard } from "@/features/dashboard/dashboard";
import { requireSession } from "@/server/page-access";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const session = await requireSession();
  const role = session.user.role;
  await prefetch(
    trpc.me.get.queryOptions(),
    role === "FREELANCER" ? trpc.dashboard.freelancer.queryOptions() : role === "CLIENT" ? trpc.dashboard.client.queryOptions() : trpc.dashboard.admin.queryOptions(),
  );
  return (
    <HydrateClient>
      <Dashboard role={session.user.role} />
    </HydrateClient>
  );
}
