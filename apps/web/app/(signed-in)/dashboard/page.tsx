import type { Metadata } from "next";
import { Dashboard } from "@/features/dashboard/dashboard";
import { requireSession } from "@/server/page-access";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const session = await requireSession();
  return <Dashboard role={session.user.role} />;
}
