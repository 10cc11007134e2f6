"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { Card, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";
import { Balances } from "./balances";
import { ClientBillings } from "./client-billings";
import { TransactionHistory } from "./transaction-history";

/** The earnings page; `chart` is the weekly chart, drawn on the server (it has nothing to click). */
export function EarningsPage({ chart }: { chart: ReactNode }) {
  const trpc = useTRPC();
  const earnings = useQuery(trpc.earnings.get.queryOptions());
  const billings = useQuery(trpc.earnings.billings.queryOptions());
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Earnings</h1>
        <Link href="/payouts" className="text-sm font-medium text-brand-700 underline">Withdraw</Link>
      </div>
      <section aria-label="Balances" aria-live="polite">
        {earnings.isPending ? <Skeleton className="h-28 w-full" /> : earnings.isError ? <ErrorAlert error={earnings.error} /> : <Balances earnings={earnings.data} />}
      </section>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card title="Net earned per week">
          {chart}
        </Card>
        <Card title="Your fee with each client">
          {billings.isPending ? <Skeleton className="h-40 w-full" /> : billings.isError ? <ErrorAlert error={billings.error} /> : <ClientBillings rows={billings.data} />}
        </Card>
      </div>
      <Card title="Transaction history">
        {earnings.isPending ? <Skeleton className="h-40 w-full" /> : earnings.isError ? <ErrorAlert error={earnings.error} /> : <TransactionHistory earnings={earnings.data} />}
      </Card>
    </div>
  );
}
