import type { Metadata } from "next";
import { ContractList } from "@/features/contracts/contract-list";
import { RoleGate } from "@/features/contracts/role-gate";

export const metadata: Metadata = { title: "Contracts" };

export default function Page() {
  return (
    <RoleGate path="/contracts" roles={["CLIENT", "FREELANCER"]}>
      <ContractList />
    </RoleGate>
  );
}
