import type { Metadata } from "next";
import { PostJobForm } from "@/features/jobs/post-job-form";

export const metadata: Metadata = { title: "Post a job" };

export default function Page() {
  return <PostJobForm />;
}
