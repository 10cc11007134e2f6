import type { Metadata } from "next";
import { PaymentMethodsPage } from "@/features/billing/payment-methods-page";
import { requireSession } from "@/server/page-access";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Payment methods" };

export default async function Page() {
  const session = await requireSession();
  await prefetch(
    trpc.paymentMethod.list.queryOptions(),
  );
  return (
    <HydrateClient>
      <PaymentMethodsPage isClient={session.user.role === "CLIENT"} />
    </HydrateClient>
  );
}
