import type { Metadata } from "next";
import { ClientJobPage } from "@/features/jobs/client-job-page";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Job" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await prefetch(
    trpc.job.getMine.queryOptions({ jobId: id }),
    trpc.job.inviteCandidates.queryOptions({ jobId: id }),
    // Whether each proposal's "Report" reads "Reported".
    trpc.report.mine.queryOptions(),
  );
  return (
    <HydrateClient>
      <ClientJobPage jobId={id} />
    </HydrateClient>
  );
}
