import type { Metadata } from "next";
import { PaymentMethodsPage } from "@/features/billing/payment-methods-page";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Payment methods" };

export default async function Page() {
  await prefetch(
    trpc.paymentMethod.list.queryOptions(),
  );
  return (
    <HydrateClient>
      <PaymentMethodsPage />
    </HydrateClient>
  );
}
