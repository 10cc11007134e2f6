import type { Metadata } from "next";
import { ConnectsPage } from "@/features/connects/connects-page";
import { PageGate } from "@/features/jobs/page-gate";

export const metadata: Metadata = { title: "Connects" };

export default function Page() {
  return (
    <PageGate path="/connects" role="FREELANCER">
      <ConnectsPage />
    </PageGate>
  );
}
