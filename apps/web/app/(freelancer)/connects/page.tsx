import type { Metadata } from "next";
import { ConnectsPage } from "@/features/connects/connects-page";
import { ConnectsRoiCard } from "@/features/connects/connects-roi-card";
import { HydrateClient, prefetch, readQuery, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Connects" };

export default async function Page() {
  const [, roi] = await Promise.all([
    prefetch(trpc.connects.overview.queryOptions(), trpc.connects.checkout.queryOptions(), trpc.terms.get.queryOptions()),
    readQuery(trpc.connects.roi.queryOptions()),
  ]);
  // The ROI card (numbers and a chart) is drawn here, on the server: it sends no JavaScript.
  return (
    <HydrateClient>
      <ConnectsPage roi={<ConnectsRoiCard report={roi} />} />
    </HydrateClient>
  );
}
