import type { Metadata } from "next";
import { JobRunsPage } from "@/features/admin/runs/job-runs-page";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Scheduled jobs · Admin" };

export default async function Page() {
  await prefetch(
    trpc.admin.runs.list.queryOptions({ status: null }),
  );
  return (
    <HydrateClient>
      <JobRunsPage />
    </HydrateClient>
  );
}
