import type { Metadata } from "next";
import { SavedFreelancers } from "@/features/talent/saved-freelancers";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Saved freelancers" };

export default async function Page() {
  await prefetch(trpc.saved.freelancers.queryOptions());
  return (
    <HydrateClient>
      <SavedFreelancers />
    </HydrateClient>
  );
}
