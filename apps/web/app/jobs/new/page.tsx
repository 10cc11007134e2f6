import type { Metadata } from "next";
import { PageGate } from "@/features/jobs/page-gate";
import { PostJobForm } from "@/features/jobs/post-job-form";

export const metadata: Metadata = { title: "Post a job" };

export default function Page() {
  return (
    <PageGate path="/jobs/new" role="CLIENT">
      <PostJobForm />
    </PageGate>
  );
}
