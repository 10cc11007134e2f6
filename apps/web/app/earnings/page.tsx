import type { Metadata } from "next";
import { RoleGate } from "@/features/contracts/role-gate";
import { EarningsPage } from "@/features/earnings/earnings-page";

export const metadata: Metadata = { title: "Earnings" };

export default function Page() {
  return (
    <RoleGate path="/earnings" roles={["FREELANCER"]}>
      <EarningsPage />
    </RoleGate>
  );
}
