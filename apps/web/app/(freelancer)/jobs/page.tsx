import type { Metadata } from "next";
import { FindWork } from "@/features/jobs/find-work";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Find work" };

export default async function Page() {
  // The newest open jobs, the search FindWork starts with, and the saved ones (each card's Save toggle).
  await prefetch(trpc.job.search.queryOptions({ sort: "newest", page: 1 }), trpc.saved.jobs.queryOptions());
  return (
    <HydrateClient>
      <FindWork />
    </HydrateClient>
  );
}
