import type { Metadata } from "next";
import { HirePage } from "@/features/contracts/hire-page";
import { RoleGate } from "@/features/contracts/role-gate";

export const metadata: Metadata = { title: "Hire" };

export default async function Page({ params }: { params: Promise<{ id: string; proposalId: string }> }) {
  const { id, proposalId } = await params;
  return (
    <RoleGate path={`/client/jobs/${id}/hire/${proposalId}`} roles={["CLIENT"]}>
      <HirePage proposalId={proposalId} />
    </RoleGate>
  );
}
