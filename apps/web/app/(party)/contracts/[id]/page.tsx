import type { Metadata } from "next";
import { ContractPage } from "@/features/contracts/contract-page";
import { HydrateClient, prefetch, prefetched, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Contract" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await prefetch(
    trpc.contract.get.queryOptions({ contractId: id }),
    trpc.message.list.queryOptions({ contractId: id }),
    // Whether each message's "Report" reads "Reported".
    trpc.report.mine.queryOptions(),
  );
  // An ended contract shows its feedback panel too.
  if (prefetched(trpc.contract.get.queryOptions({ contractId: id }))?.status === "ENDED") await prefetch(trpc.feedback.forContract.queryOptions({ contractId: id }));
  return (
    <HydrateClient>
      <ContractPage contractId={id} />
    </HydrateClient>
  );
}
