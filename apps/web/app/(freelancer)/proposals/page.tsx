import type { Metadata } from "next";
import { MyProposals } from "@/features/proposals/my-proposals";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "My proposals" };

export default async function Page() {
  await prefetch(
    trpc.proposal.listMine.queryOptions(),
  );
  return (
    <HydrateClient>
      <MyProposals />
    </HydrateClient>
  );
}
