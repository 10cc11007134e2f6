import type { Metadata } from "next";
import { FIRST_TALENT_FILTERS } from "@/features/talent/talent-filter-values";
import { TalentSearch } from "@/features/talent/talent-search";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Find talent" };

export default async function Page() {
  // The first page with no filter, and the saved freelancers (each card's Save toggle).
  await prefetch(trpc.talent.search.queryOptions({ ...FIRST_TALENT_FILTERS, page: 1 }), trpc.saved.freelancers.queryOptions());
  return (
    <HydrateClient>
      <TalentSearch />
    </HydrateClient>
  );
}
