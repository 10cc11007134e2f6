import type { ReactNode } from "react";
import { Alert } from "@/components/ui";
import { requireRole } from "@/server/page-access";
import { Providers } from "@/app/providers";

/** Pages for both sides of a contract (contracts, payment methods); URLs unchanged. */
export default async function PartyPagesLayout({ children }: { children: ReactNode }) {
  const { refusal } = await requireRole(["CLIENT", "FREELANCER"]);
  return refusal ? <Alert tone="info">{refusal}</Alert> : <Providers>{children}</Providers>;
}
