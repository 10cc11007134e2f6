import type { Metadata } from "next";
import { BillingHistory } from "@/features/billing/billing-history";

export const metadata: Metadata = { title: "Billing" };

export default function Page() {
  return <BillingHistory />;
}
