import type { Metadata } from "next";
import { MediationQueue } from "@/features/disputes/mediation-queue";

export const metadata: Metadata = { title: "Disputes · Admin" };

export default function Page() {
  return <MediationQueue />;
}
