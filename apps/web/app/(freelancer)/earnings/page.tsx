import type { Metadata } from "next";
import { EarningsPage } from "@/features/earnings/earnings-page";

export const metadata: Metadata = { title: "Earnings" };

export default function Page() {
  return <EarningsPage />;
}
