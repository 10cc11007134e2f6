import type { Metadata } from "next";
import type { ReactNode } from "react";
import type { RoleName } from "@fairlance/rules";
import { Alert } from "@/components/ui";
import { AdminDashboard } from "@/features/dashboard/admin-dashboard";
import { ClientDashboard } from "@/features/dashboard/client-dashboard";
import { AccountNotices } from "@/features/account/account-notices";
import { ConfirmEmailNotice } from "@/features/account/confirm-email-notice";
import { Dashboard } from "@/features/dashboard/dashboard";
import { FreelancerDashboard } from "@/features/dashboard/freelancer-dashboard";
import { Unavailable } from "@/features/dashboard/parts";
import { requireSession } from "@/server/page-access";
import { readQuery, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Dashboard" };

/** The role's dashboard from its one read (dashboard.freelancer / client / admin), or why it could not be read. */
async function roleDashboard(role: RoleName): Promise<ReactNode> {
  switch (role) {
    case "FREELANCER": {
      const read = await readQuery(trpc.dashboard.freelancer.queryOptions());
      return read.ok ? <FreelancerDashboard data={read.data} /> : <Unavailable message={read.message} />;
    }
    case "CLIENT": {
      const read = await readQuery(trpc.dashboard.client.queryOptions());
      return read.ok ? <ClientDashboard data={read.data} /> : <Unavailable message={read.message} />;
    }
    case "ADMIN": {
      const read = await readQuery(trpc.dashboard.admin.queryOptions());
      return read.ok ? <AdminDashboard data={read.data} /> : <Unavailable message={read.message} />;
    }
  }
}

/**
 * The dashboard, drawn on the server: nothing on it but links and numbers, so it sends no
 * JavaScript of its own (the demo clock's refresh draws it again).
 */
export default async function DashboardPage() {
  const session = await requireSession();
  const [me, body, notices] = await Promise.all([
    readQuery(trpc.me.get.queryOptions()),
    roleDashboard(session.user.role),
    // What an admin told the person about their account (economy.md §5); admins get none.
    session.user.role === "ADMIN" ? null : readQuery(trpc.me.notices.queryOptions()),
  ]);
  if (!me.ok) return <Alert>We could not load your account: {me.message}</Alert>;
  return (
    <>
      <AccountNotices warnings={notices?.ok ? notices.data.warnings : []} />
      {session.user.role !== "ADMIN" && <ConfirmEmailNotice withProviders />}
      <Dashboard me={me.data}>{body}</Dashboard>
    </>
  );
}
