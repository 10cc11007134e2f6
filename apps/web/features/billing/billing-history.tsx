"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Money } from "@/components/money";
import { Card, EmptyState, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";

export function BillingHistory() {
  const trpc = useTRPC();
  const history = useQuery(trpc.billing.history.queryOptions());
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Billing</h1>
        <Link href="/billing/methods" className="text-sm font-medium text-brand-700 underline">
          Payment methods
        </Link>
      </div>
      <Card title="Charges and refunds">
        {history.isPending ? (
          <Skeleton className="h-32 w-full" />
        ) : history.isError ? (
          <ErrorAlert error={history.error} />
        ) : history.data.length === 0 ? (
          <EmptyState title="Nothing charged yet">Funding a milestone, an hourly invoice or a bonus appears here with its purpose.</EmptyState>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Every card charge and refund, newest first</caption>
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-3">Date</th>
                  <th scope="col" className="py-2 pr-3">What for</th>
                  <th scope="col" className="hidden py-2 pr-3 sm:table-cell">Card</th>
                  <th scope="col" className="py-2 text-right">Amount</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {history.data.map((line) => (
                  <tr key={line.id}>
                    <td className="whitespace-nowrap py-2 pr-3">{formatDate(line.at)}</td>
                    <td className="py-2 pr-3">
                      <span className={line.kind === "refund" ? "font-medium text-emerald-800" : ""}>{line.kind === "refund" ? "Refund: " : "Charge: "}</span>
                      {line.description}
                    </td>
                    <td className="hidden py-2 pr-3 text-slate-500 sm:table-cell">{line.card ?? "—"}</td>
                    <td className="whitespace-nowrap py-2 text-right">
                      <Money minor={line.amountMinor} className={line.kind === "refund" ? "text-emerald-800" : ""} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
