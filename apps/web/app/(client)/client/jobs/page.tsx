import type { Metadata } from "next";
import { ClientJobsList } from "@/features/jobs/client-jobs-list";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "My jobs" };

export default async function Page() {
  await prefetch(
    trpc.job.listMine.queryOptions(),
  );
  return (
    <HydrateClient>
      <ClientJobsList />
    </HydrateClient>
  );
}
