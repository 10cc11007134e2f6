import type { Metadata } from "next";
import { LedgerPage } from "@/features/admin/ledger/ledger-page";

export const metadata: Metadata = { title: "Ledger · Admin" };

type Params = { userId?: string; jobId?: string; contractId?: string; accountKey?: string };

export default async function Page({ searchParams }: { searchParams: Promise<Params> }) {
  const { userId, jobId, contractId, accountKey } = await searchParams;
  return <LedgerPage initial={{ userId, jobId, contractId, accountKey }} />;
}
