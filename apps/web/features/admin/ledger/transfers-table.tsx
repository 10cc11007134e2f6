"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Money } from "@/components/money";
import { Card, EmptyState, Skeleton, scrollRegion } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { Pager } from "../pager";
import type { LedgerFilter } from "./ledger-filters";

/** Money transfers, newest first: debit → credit, amount, kind and memo. */
export function TransfersTable({ filter }: { filter: LedgerFilter }) {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const transfers = useQuery(trpc.admin.ledger.transfers.queryOptions({ ...filter, page }));
  return (
    <Card title="Money transfers">
      {transfers.isPending && <Skeleton className="h-32 w-full" />}
      <ErrorAlert error={transfers.error} />
      {transfers.data && (transfers.data.rows.length === 0 ? <EmptyState title="No transfers match" /> : (
        <>
          <div className="overflow-x-auto" {...scrollRegion("Ledger transfers")}>
            <table className="w-full min-w-[48rem] text-left text-sm" data-testid="ledger-transfers">
              <caption className="sr-only">Money ledger transfers, newest first</caption>
              <thead className="text-xs uppercase text-slate-500">
                <tr>{["#", "Date", "From (debit)", "To (credit)", "Amount", "What"].map((h) => <th key={h} scope="col" className="py-1 pr-3">{h}</th>)}</tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {transfers.data.rows.map((t) => (
                  <tr key={t.id.toString()} className="align-top">
                    <td className="py-2 pr-3 tabular-nums text-slate-500">{t.id.toString()}</td>
                    <td className="whitespace-nowrap py-2 pr-3">{formatDate(t.createdAt)}</td>
                    <td className="break-all py-2 pr-3 font-mono text-xs">{t.debitKey}</td>
                    <td className="break-all py-2 pr-3 font-mono text-xs">{t.creditKey}</td>
                    <td className="whitespace-nowrap py-2 pr-3 text-right font-semibold"><Money minor={t.amountMinor} /></td>
                    <td className="py-2"><span className="font-mono text-xs">{t.kind}</span><div className="text-xs text-slate-500">{t.memo}</div></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager label="Money transfers" page={transfers.data.page} pageSize={transfers.data.pageSize} total={transfers.data.total} onPage={setPage} />
        </>
      ))}
    </Card>
  );
}
