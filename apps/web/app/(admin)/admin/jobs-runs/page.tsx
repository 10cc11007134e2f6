import type { Metadata } from "next";
import { JobRunsPage } from "@/features/admin/runs/job-runs-page";

export const metadata: Metadata = { title: "Scheduled jobs · Admin" };

export default function Page() {
  return <JobRunsPage />;
}
