import type { Metadata } from "next";
import { ClientJobPage } from "@/features/jobs/client-job-page";

export const metadata: Metadata = { title: "Job" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ClientJobPage jobId={id} />;
}
