import type { Metadata } from "next";
import { ConfirmEmailNotice } from "@/features/account/confirm-email-notice";
import { JobPage } from "@/features/jobs/job-page";
import { HydrateClient, prefetch, prefetched, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Job" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await prefetch(trpc.job.get.queryOptions({ jobId: id }), trpc.terms.get.queryOptions(), trpc.saved.jobs.queryOptions(), trpc.report.mine.queryOptions());
  // With a proposal sent, the page shows its conversation too.
  const proposalId = prefetched(trpc.job.get.queryOptions({ jobId: id }))?.myProposal?.id;
  if (proposalId) await prefetch(trpc.message.list.queryOptions({ proposalId }));
  return (
    <>
      <ConfirmEmailNotice action="propose" />
      <HydrateClient>
        <JobPage jobId={id} />
      </HydrateClient>
    </>
  );
}
