import type { Metadata } from "next";
import { LedgerPage } from "@/features/admin/ledger/ledger-page";
import { HydrateClient, prefetch, trpc } from "@/trpc/server";

export const metadata: Metadata = { title: "Ledger · Admin" };

type Params = { userId?: string; jobId?: string; contractId?: string; accountKey?: string };

export default async function Page({ searchParams }: { searchParams: Promise<Params> }) {
  const { userId, jobId, contractId, accountKey } = await searchParams;
  // The tables' first page with the filter the link carried (empty fields are no filter, as in LedgerPage).
  const filter = { userId: userId || undefined, jobId: jobId || undefined, contractId: contractId || undefined, accountKey: accountKey || undefined };
  await prefetch(
    trpc.admin.ledger.invariantChecks.queryOptions(),
    trpc.admin.ledger.revenue.queryOptions({ weeks: 12 }),
    trpc.admin.ledger.gatewayFollowUp.queryOptions(),
    trpc.admin.ledger.transfers.queryOptions({ ...filter, page: 1 }),
    trpc.admin.ledger.connectEntries.queryOptions({ userId: filter.userId, jobId: filter.jobId, page: 1 }),
  );
  return (
    <HydrateClient>
      <LedgerPage initial={{ userId, jobId, contractId, accountKey }} />
    </HydrateClient>
  );
}
