import type { Metadata } from "next";
import { ClientJobPage } from "@/features/jobs/client-job-page";
import { PageGate } from "@/features/jobs/page-gate";

export const metadata: Metadata = { title: "Job" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <PageGate path={`/client/jobs/${id}`} role="CLIENT">
      <ClientJobPage jobId={id} />
    </PageGate>
  );
}
