import type { Metadata } from "next";
import { RoleGate } from "@/features/contracts/role-gate";
import { PayoutsPage } from "@/features/payouts/payouts-page";

export const metadata: Metadata = { title: "Withdraw" };

export default function Page() {
  return (
    <RoleGate path="/payouts" roles={["FREELANCER"]}>
      <PayoutsPage />
    </RoleGate>
  );
}
