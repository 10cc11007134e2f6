import type { Metadata } from "next";
import { Providers } from "@/app/providers";
import { FIRST_INBOX } from "@/features/messages/first-inbox";
import { InboxPage } from "@/features/messages/inbox-page";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Messages" };

export default async function Page() {
  await prefetch(trpc.message.inbox.queryOptions(FIRST_INBOX));
  return (
    <Providers>
      <HydrateClient>
        <InboxPage />
      </HydrateClient>
    </Providers>
  );
}
