import type { Metadata } from "next";
import { ClientJobsList } from "@/features/jobs/client-jobs-list";
import { PageGate } from "@/features/jobs/page-gate";

export const metadata: Metadata = { title: "My jobs" };

export default function Page() {
  return (
    <PageGate path="/client/jobs" role="CLIENT">
      <ClientJobsList />
    </PageGate>
  );
}
