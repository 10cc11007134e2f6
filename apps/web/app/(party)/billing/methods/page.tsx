import type { Metadata } from "next";
import { PaymentMethodsPage } from "@/features/billing/payment-methods-page";

export const metadata: Metadata = { title: "Payment methods" };

export default function Page() {
  return <PaymentMethodsPage />;
}
