import type { Metadata } from "next";
import { FIRST_INVITATIONS } from "@/features/invitations/first-invitations";
import { InvitationsPage } from "@/features/invitations/invitations-page";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Invitations" };

export default async function Page() {
  await prefetch(trpc.invitation.mine.queryOptions(FIRST_INVITATIONS));
  return (
    <HydrateClient>
      <InvitationsPage />
    </HydrateClient>
  );
}
