import type { Metadata } from "next";
import { PeoplePage } from "@/features/admin/people/people-page";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "People · Admin" };

export default async function Page() {
  await prefetch(
    trpc.admin.people.list.queryOptions({ role: null, suspendedOnly: false, page: 1 }),
  );
  return (
    <HydrateClient>
      <PeoplePage />
    </HydrateClient>
  );
}
