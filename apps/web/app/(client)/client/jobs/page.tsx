import type { Metadata } from "next";
import { ClientJobsList } from "@/features/jobs/client-jobs-list";

export const metadata: Metadata = { title: "My jobs" };

export default function Page() {
  return <ClientJobsList />;
}
