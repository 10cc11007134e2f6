import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Dashboard } from "@/features/dashboard/dashboard";
import { getSession } from "@/server/auth";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const session = await getSession();
  if (!session) redirect("/sign-in?callbackUrl=/dashboard");
  return <Dashboard role={session.user.role} />;
}
