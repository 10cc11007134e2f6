import type { Metadata } from "next";
import { AccountPage } from "@/features/account/account-page";
import { Providers } from "@/app/providers";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Your account" };

export default async function Page() {
  await prefetch(trpc.account.get.queryOptions(), trpc.preferences.get.queryOptions());
  return (
    <Providers>
      <HydrateClient>
        <AccountPage />
      </HydrateClient>
    </Providers>
  );
}
