import type { Metadata } from "next";
import { ConnectsPage } from "@/features/connects/connects-page";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Connects" };

export default async function Page() {
  await prefetch(
    trpc.connects.overview.queryOptions(),
    trpc.connects.checkout.queryOptions(),
    trpc.connects.roi.queryOptions(),
    trpc.terms.get.queryOptions(),
  );
  return (
    <HydrateClient>
      <ConnectsPage />
    </HydrateClient>
  );
}
