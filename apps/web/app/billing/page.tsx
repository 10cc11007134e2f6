import type { Metadata } from "next";
import { BillingHistory } from "@/features/billing/billing-history";
import { RoleGate } from "@/features/contracts/role-gate";

export const metadata: Metadata = { title: "Billing" };

export default function Page() {
  return (
    <RoleGate path="/billing" roles={["CLIENT"]}>
      <BillingHistory />
    </RoleGate>
  );
}
