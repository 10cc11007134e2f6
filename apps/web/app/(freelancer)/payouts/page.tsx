import type { Metadata } from "next";
import { ConfirmEmailNotice } from "@/features/account/confirm-email-notice";
import { PayoutsPage } from "@/features/payouts/payouts-page";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Withdraw" };

export default async function Page() {
  await prefetch(
    trpc.payout.overview.queryOptions(),
  );
  return (
    <>
      <ConfirmEmailNotice action="withdraw" />
      <HydrateClient>
        <PayoutsPage />
      </HydrateClient>
    </>
  );
}
