import type { Metadata } from "next";
import { FIRST_FEEDBACK_PAGE } from "@/features/admin/moderation/feedback-moderation-values";
import { ModerationPage } from "@/features/admin/moderation/moderation-page";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Moderation · Admin" };

export default async function Page() {
  await prefetch(
    trpc.report.queue.queryOptions(),
    trpc.admin.moderation.jobs.queryOptions({ status: null, page: 1 }),
    trpc.admin.moderation.flagged.queryOptions({ includeReviewed: false }),
    trpc.admin.feedback.list.queryOptions(FIRST_FEEDBACK_PAGE),
  );
  return (
    <HydrateClient>
      <ModerationPage />
    </HydrateClient>
  );
}
