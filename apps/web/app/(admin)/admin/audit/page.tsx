import type { Metadata } from "next";
import { AuditPage } from "@/features/admin/audit/audit-page";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Audit log · Admin" };

export default async function Page() {
  await prefetch(
    trpc.admin.audit.search.queryOptions({ page: 1 }),
  );
  return (
    <HydrateClient>
      <AuditPage />
    </HydrateClient>
  );
}
