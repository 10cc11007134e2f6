"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Money } from "@/components/money";
import { Card, EmptyState, Skeleton, scrollRegion } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { formatCount } from "@fairlance/rules";

/** The admin's mediation queue (economy.md §9.3): open disputes, oldest first, with amount and age. */
export function MediationQueue() {
  const trpc = useTRPC();
  const queue = useQuery(trpc.admin.disputes.list.queryOptions());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Disputes</h1>
      <Card title="Disputes waiting for a decision">
        <p className="mb-3 text-sm text-slate-600">Oldest first. Open one to read both sides, the contract&apos;s timeline, and decide: release all, refund all, or split.</p>
        {queue.isPending && <Skeleton className="h-24 w-full" />}
        <ErrorAlert error={queue.error} />
        {queue.data && queue.data.length === 0 && <EmptyState title="No open disputes">Disputes the parties open appear here.</EmptyState>}
        {queue.data && queue.data.length > 0 && (
          <div className="overflow-x-auto" {...scrollRegion("Open disputes")}>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Open disputes, oldest first</caption>
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-3">Opened</th>
                  <th scope="col" className="py-2 pr-3">Contract</th>
                  <th scope="col" className="py-2 pr-3">Parties</th>
                  <th scope="col" className="py-2 pr-3 text-right">In escrow</th>
                  <th scope="col" className="py-2 pr-3">State</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {queue.data.map((row) => (
                  <tr key={row.id}>
                    <td className="py-2 pr-3 whitespace-nowrap">
                      {formatDate(row.openedAt)}
                      <span className="block text-xs text-slate-500">{row.ageDays === 0 ? "today" : `${formatCount(row.ageDays, "day")} open`}</span>
                    </td>
                    <td className="py-2 pr-3">
                      <Link href={`/disputes/${row.id}`} className="font-medium text-brand-700 underline">{row.contractTitle}</Link>
                      <span className="block text-xs text-slate-500">{row.targetTitle}</span>
                    </td>
                    <td className="py-2 pr-3">
                      {row.clientName} (client) · {row.freelancerName} (freelancer)
                      <span className="block text-xs text-slate-500">opened by the {row.openedBy}</span>
                    </td>
                    <td className="py-2 pr-3 text-right"><Money minor={row.amountMinor} /></td>
                    <td className="py-2 pr-3 text-xs">
                      {formatCount(row.statements, "statement")}
                      {row.hasProposal && <span className="block">a split is proposed</span>}
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
