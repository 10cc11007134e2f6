"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Card, EmptyState, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { PersonLink } from "@/features/shared/person-link";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { CONTRACT_STATUS_LABEL } from "./format";

export function ContractList() {
  const trpc = useTRPC();
  const list = useQuery(trpc.contract.list.queryOptions());
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Contracts</h1>
      <Card>
        {list.isPending ? (
          <div aria-busy="true" className="space-y-2">
            <Skeleton className="h-12 w-full" />
            <Skeleton className="h-12 w-full" />
          </div>
        ) : list.isError ? (
          <ErrorAlert error={list.error} />
        ) : list.data.length === 0 ? (
          <EmptyState title="No contracts yet">Contracts appear here once a client hires from a proposal or makes a direct offer.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {list.data.map((contract) => (
              <li key={contract.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <Link href={`/contracts/${contract.id}`} className="font-semibold text-brand-700 underline-offset-2 hover:underline">
                    {contract.title}
                  </Link>
                  <p className="text-sm text-slate-600">
                    with <PersonLink role={contract.otherParty.role} person={contract.otherParty} /> · {contract.type === "FIXED" ? "Fixed price" : "Hourly"} · offered {formatDate(contract.offeredAt)}
                  </p>
                </div>
                <div className="text-sm sm:text-right">
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800">{CONTRACT_STATUS_LABEL[contract.status]}</span>
                  <p className={contract.needsYou ? "mt-1 font-medium text-amber-900" : "mt-1 text-slate-600"}>
                    {contract.needsYou && <span className="sr-only">Needs you: </span>}
                    {contract.nextAction}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
