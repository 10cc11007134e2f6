import type { Metadata } from "next";
import { HirePage } from "@/features/contracts/hire-page";

export const metadata: Metadata = { title: "Hire" };

export default async function Page({ params }: { params: Promise<{ proposalId: string }> }) {
  const { proposalId } = await params;
  return <HirePage proposalId={proposalId} />;
}
