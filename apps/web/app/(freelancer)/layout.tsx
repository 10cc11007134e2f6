import type { ReactNode } from "react";
import { Alert } from "@/components/ui";
import { requireRole } from "@/server/page-access";
import { Providers } from "@/app/providers";

/** Freelancers' pages (find work, proposals, connects, earnings, payouts); URLs unchanged. */
export default async function FreelancerPagesLayout({ children }: { children: ReactNode }) {
  const { refusal } = await requireRole(["FREELANCER"]);
  return refusal ? <Alert tone="info">{refusal}</Alert> : <Providers>{children}</Providers>;
}
