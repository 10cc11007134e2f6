import type { Metadata } from "next";
import { PayoutsPage } from "@/features/payouts/payouts-page";

export const metadata: Metadata = { title: "Withdraw" };

export default function Page() {
  return <PayoutsPage />;
}
