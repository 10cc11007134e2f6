import type { Metadata } from "next";
import { PaymentMethodsPage } from "@/features/billing/payment-methods-page";
import { RoleGate } from "@/features/contracts/role-gate";

export const metadata: Metadata = { title: "Payment methods" };

export default function Page() {
  return (
    <RoleGate path="/billing/methods" roles={["CLIENT", "FREELANCER"]}>
      <PaymentMethodsPage />
    </RoleGate>
  );
}
