import type { Metadata } from "next";
import { EarningsPage } from "@/features/earnings/earnings-page";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Earnings" };

export default async function Page() {
  await prefetch(trpc.earnings.get.queryOptions(), trpc.earnings.billings.queryOptions(), trpc.earnings.byWeek.queryOptions(), trpc.terms.get.queryOptions());
  return (
    <HydrateClient>
      <EarningsPage />
    </HydrateClient>
  );
}
