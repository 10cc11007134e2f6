import type { Metadata } from "next";
import { HirePage } from "@/features/contracts/hire-page";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Hire" };

export default async function Page({ params }: { params: Promise<{ proposalId: string }> }) {
  const { proposalId } = await params;
  await prefetch(
    trpc.contract.hireQuote.queryOptions({ proposalId }),
  );
  return (
    <HydrateClient>
      <HirePage proposalId={proposalId} />
    </HydrateClient>
  );
}
