import type { Metadata } from "next";
import { DisputePage } from "@/features/disputes/dispute-page";

export const metadata: Metadata = { title: "Dispute" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <DisputePage disputeId={id} />;
}
