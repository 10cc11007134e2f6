"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Card, EmptyState, Skeleton, scrollRegion } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { Pager } from "../pager";
import type { LedgerFilter } from "./ledger-filters";

/** Connects ledger entries, newest first, each with its reason. */
export function ConnectEntriesTable({ filter }: { filter: LedgerFilter }) {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const entries = useQuery(trpc.admin.ledger.connectEntries.queryOptions({ userId: filter.userId, jobId: filter.jobId, page }));
  return (
    <Card title="Connects entries">
      {entries.isPending && <Skeleton className="h-32 w-full" />}
      <ErrorAlert error={entries.error} />
      {entries.data && (entries.data.rows.length === 0 ? <EmptyState title="No connects entries match" /> : (
        <>
          <div className="overflow-x-auto" {...scrollRegion("Connects ledger entries")}>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Connects ledger entries, newest first</caption>
              <thead className="text-xs uppercase text-slate-500">
                <tr>{["Date", "Person", "Connects", "Reason"].map((h) => <th key={h} scope="col" className="py-1 pr-3">{h}</th>)}</tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {entries.data.rows.map((e) => (
                  <tr key={e.id.toString()}>
                    <td className="whitespace-nowrap py-2 pr-3">{formatDate(e.createdAt)}</td>
                    <td className="py-2 pr-3">{e.userName}</td>
                    <td className={`py-2 pr-3 text-right font-semibold tabular-nums ${e.delta > 0 ? "text-emerald-700" : ""}`}>{e.delta > 0 ? `+${e.delta}` : e.delta}</td>
                    <td className="py-2">{e.label}{e.note ? ` — ${e.note}` : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager label="Connects entries" page={entries.data.page} pageSize={entries.data.pageSize} total={entries.data.total} onPage={setPage} />
        </>
      ))}
    </Card>
  );
}
