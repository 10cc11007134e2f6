import type { Metadata } from "next";
import { DirectOfferPage } from "@/features/contracts/direct-offer-page";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Make an offer" };

export default async function Page({ searchParams }: { searchParams: Promise<{ freelancerId?: string }> }) {
  const { freelancerId } = await searchParams;
  await prefetch(
    trpc.contract.offerCandidates.queryOptions({}),
    ...(freelancerId ? [trpc.contract.offerTarget.queryOptions({ freelancerId })] : []),
  );
  return (
    <HydrateClient>
      <DirectOfferPage freelancerId={freelancerId} />
    </HydrateClient>
  );
}
