import type { Metadata } from "next";
import { AccountNotices } from "@/features/account/account-notices";
import { Dashboard } from "@/features/dashboard/dashboard";
import { requireSession } from "@/server/page-access";
import { HydrateClient, prefetch, prefetched, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const session = await requireSession();
  const role = session.user.role;
  await prefetch(
    trpc.me.get.queryOptions(),
    role === "FREELANCER" ? trpc.dashboard.freelancer.queryOptions() : role === "CLIENT" ? trpc.dashboard.client.queryOptions() : trpc.dashboard.admin.queryOptions(),
    ...(role === "ADMIN" ? [] : [trpc.me.notices.queryOptions()]),
  );
  // An admin's warnings (economy.md §5), rendered here on the server.
  const notices = role === "ADMIN" ? undefined : prefetched(trpc.me.notices.queryOptions());
  return (
    <HydrateClient>
      <AccountNotices warnings={notices?.warnings ?? []} />
      <Dashboard role={session.user.role} />
    </HydrateClient>
  );
}
