import type { ReactNode } from "react";
import { Alert } from "@/components/ui";
import { requireRole } from "@/server/page-access";
import { Providers } from "@/app/providers";

/** Clients' pages (post and manage jobs, hire, offers, billing); URLs unchanged. */
export default async function ClientPagesLayout({ children }: { children: ReactNode }) {
  const { refusal } = await requireRole(["CLIENT"]);
  return refusal ? <Alert tone="info">{refusal}</Alert> : <Providers>{children}</Providers>;
}
