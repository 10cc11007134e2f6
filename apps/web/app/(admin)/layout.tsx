import type { ReactNode } from "react";
import { Alert } from "@/components/ui";
import { requireRole } from "@/server/page-access";
import { Providers } from "@/app/providers";

/** Every admin page: signed out → sign in and come back; not an admin → a sentence. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { refusal } = await requireRole(["ADMIN"], "The admin console is for admins.");
  if (refusal) return <Alert tone="info">{refusal}</Alert>;
  return (
    <div>
      {/* The console's sections are the header's links (lib/navigation.ts), marked where the admin is: no second row of them here. */}
      <p className="mb-4 text-xs font-semibold uppercase tracking-wide text-slate-500">Admin console</p>
      <Providers>{children}</Providers>
    </div>
  );
}
