import type { Metadata } from "next";
import { DisputePage } from "@/features/disputes/dispute-page";
import { Providers } from "@/app/providers";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Dispute" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await prefetch(
    trpc.dispute.get.queryOptions({ disputeId: id }),
  );
  return (
    <Providers>
      <HydrateClient>
        <DisputePage disputeId={id} />
      </HydrateClient>
    </Providers>
  );
}
