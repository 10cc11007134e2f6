import type { ReactNode } from "react";
import { Alert } from "@/components/ui";
import { AdminNav } from "@/features/admin/admin-nav";
import { requireRole } from "@/server/page-access";
import { Providers } from "@/app/providers";

/** Every admin page: signed out → sign in and come back; not an admin → a sentence. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { refusal } = await requireRole(["ADMIN"], "The admin console is for admins.");
  if (refusal) return <Alert tone="info">{refusal}</Alert>;
  return (
    <div>
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Admin console</p>
      <AdminNav />
      <Providers>{children}</Providers>
    </div>
  );
}
