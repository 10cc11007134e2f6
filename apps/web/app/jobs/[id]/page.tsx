import type { Metadata } from "next";
import { JobPage } from "@/features/jobs/job-page";
import { PageGate } from "@/features/jobs/page-gate";

export const metadata: Metadata = { title: "Job" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <PageGate path={`/jobs/${id}`} role="FREELANCER">
      <JobPage jobId={id} />
    </PageGate>
  );
}
