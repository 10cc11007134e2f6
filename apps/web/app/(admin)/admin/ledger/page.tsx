import type { Metadata } from "next";
import { LedgerPage } from "@/features/admin/ledger/ledger-page";

export const metadata: Metadata = { title: "Ledger · Admin" };

export default function Page() {
  return <LedgerPage />;
}
