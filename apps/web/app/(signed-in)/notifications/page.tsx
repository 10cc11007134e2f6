import type { Metadata } from "next";
import { FIRST_PAGE } from "@/features/notifications/first-page";
import { NotificationsPage } from "@/features/notifications/notifications-page";
import { Providers } from "@/app/providers";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Notifications" };

export default async function Page() {
  await prefetch(trpc.notification.list.queryOptions(FIRST_PAGE));
  return (
    <Providers>
      <HydrateClient>
        <NotificationsPage />
      </HydrateClient>
    </Providers>
  );
}
