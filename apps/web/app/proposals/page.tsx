import type { Metadata } from "next";
import { PageGate } from "@/features/jobs/page-gate";
import { MyProposals } from "@/features/proposals/my-proposals";

export const metadata: Metadata = { title: "My proposals" };

export default function Page() {
  return (
    <PageGate path="/proposals" role="FREELANCER">
      <MyProposals />
    </PageGate>
  );
}
