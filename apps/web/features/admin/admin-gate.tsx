import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui";
import { getSession } from "@/server/auth";
import { AdminNav } from "./admin-nav";

/** Server-side guard of every admin page: signed out → sign in and come back; not an admin → a sentence. */
export async function AdminGate({ children }: { children: ReactNode }) {
  const session = await getSession();
  if (!session) redirect("/sign-in?callbackUrl=/admin/settings");
  if (session.user.role !== "ADMIN") return <Alert tone="info">The admin console is for admins.</Alert>;
  return (
    <div>
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Admin console</p>
      <AdminNav />
      {children}
    </div>
  );
}
