import type { Metadata } from "next";
import { SavedJobs } from "@/features/saved/saved-jobs";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Saved jobs" };

export default async function Page() {
  await prefetch(trpc.saved.jobs.queryOptions());
  return (
    <HydrateClient>
      <SavedJobs />
    </HydrateClient>
  );
}
