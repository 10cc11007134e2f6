import type { Metadata } from "next";
import { FindWork } from "@/features/jobs/find-work";
import { PageGate } from "@/features/jobs/page-gate";

export const metadata: Metadata = { title: "Find work" };

export default function Page() {
  return (
    <PageGate path="/jobs" role="FREELANCER">
      <FindWork />
    </PageGate>
  );
}
