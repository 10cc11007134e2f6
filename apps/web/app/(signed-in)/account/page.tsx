import type { Metadata } from "next";
import { AccountPage } from "@/features/account/account-page";
import { requireSession } from "@/server/page-access";
import { Providers } from "@/app/providers";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Your account" };

export default async function Page() {
  const session = await requireSession();
  await prefetch(trpc.preferences.get.queryOptions());
  return (
    <Providers>
      <HydrateClient>
        <AccountPage email={session.user.email} />
      </HydrateClient>
    </Providers>
  );
}
