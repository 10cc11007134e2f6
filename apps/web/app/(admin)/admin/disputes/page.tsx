import type { Metadata } from "next";
import { MediationQueue } from "@/features/disputes/mediation-queue";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Disputes · Admin" };

export default async function Page() {
  await prefetch(
    trpc.admin.disputes.list.queryOptions(),
  );
  return (
    <HydrateClient>
      <MediationQueue />
    </HydrateClient>
  );
}
