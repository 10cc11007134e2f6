import type { Metadata } from "next";
import { ConfirmEmailNotice } from "@/features/account/confirm-email-notice";
import { PostJobForm } from "@/features/jobs/post-job-form";

export const metadata: Metadata = { title: "Post a job" };

export default function Page() {
  return (
    <>
      <ConfirmEmailNotice action="post_job" />
      <PostJobForm />
    </>
  );
}
