import type { Metadata } from "next";
import { BillingHistory } from "@/features/billing/billing-history";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Billing" };

export default async function Page() {
  await prefetch(
    trpc.billing.history.queryOptions(),
    trpc.billing.statement.queryOptions(),
  );
  return (
    <HydrateClient>
      <BillingHistory />
    </HydrateClient>
  );
}
