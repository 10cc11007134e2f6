import type { Metadata } from "next";
import { ContractPage } from "@/features/contracts/contract-page";
import { RoleGate } from "@/features/contracts/role-gate";

export const metadata: Metadata = { title: "Contract" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <RoleGate path={`/contracts/${id}`} roles={["CLIENT", "FREELANCER"]}>
      <ContractPage contractId={id} />
    </RoleGate>
  );
}
