"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Bid } from "@/components/money";
import { EmptyState, Skeleton } from "@/components/ui";
import { PROPOSAL_STATUS_LABEL } from "@/features/jobs/job-labels";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { formatConnectsSpent } from "./format";

/** My proposals: status, connects spent, and connects refunded with the reason (economy.md §2.5, §8). */
export function MyProposals() {
  const trpc = useTRPC();
  const list = useQuery(trpc.proposal.listMine.queryOptions());
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">My proposals</h1>
      {list.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.length === 0 ? (
        <EmptyState title="No proposals yet"><Link href="/jobs" className="text-brand-700 underline">Find work</Link> and send your first one.</EmptyState>
      ) : (
        <ul className="space-y-3">
          {list.data.map((proposal) => (
            <li key={proposal.proposalId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="my-proposal">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold"><Link href={`/jobs/${proposal.jobId}`} className="text-brand-700 hover:underline">{proposal.jobTitle}</Link></h2>
                <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium">{PROPOSAL_STATUS_LABEL[proposal.status] ?? proposal.status}</span>
              </div>
              <dl className="mt-2 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
                <div><dt className="text-slate-500">Bid</dt><dd><Bid minor={proposal.bidMinor} jobType={proposal.jobType} /></dd></div>
                <div><dt className="text-slate-500">Sent</dt><dd>{formatDate(proposal.submittedAt)}</dd></div>
                <div><dt className="text-slate-500">Connects spent</dt><dd>{formatConnectsSpent(proposal.connectCost, proposal.boostConnects)}</dd></div>
                <div><dt className="text-slate-500">Connects refunded</dt><dd>{proposal.connectsRefunded}</dd></div>
              </dl>
              {proposal.refundReason && (
                <p className="mt-2 text-sm text-emerald-800">
                  {proposal.refundReason}{proposal.refundNote && <> ({proposal.refundNote})</>}.
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
