import type { Metadata } from "next";
import { AuditPage } from "@/features/admin/audit/audit-page";

export const metadata: Metadata = { title: "Audit log · Admin" };

export default function Page() {
  return <AuditPage />;
}
