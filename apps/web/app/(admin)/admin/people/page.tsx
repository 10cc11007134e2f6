import type { Metadata } from "next";
import { PeoplePage } from "@/features/admin/people/people-page";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "People · Admin" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `?user=<id>` opens that person (the audit log and the moderation queue link here). */
export default async function Page({ searchParams }: { searchParams: Promise<{ user?: string }> }) {
  const { user } = await searchParams;
  const userId = user && UUID.test(user) ? user : null;
  await prefetch(
    trpc.admin.people.list.queryOptions({ role: null, suspendedOnly: false, page: 1 }),
    ...(userId ? [trpc.admin.people.get.queryOptions({ userId })] : []),
  );
  return (
    <HydrateClient>
      <PeoplePage initialUserId={userId} />
    </HydrateClient>
  );
}
