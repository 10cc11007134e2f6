"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Money } from "@/components/money";
import { Card, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { PersonLink } from "@/features/shared/person-link";
import { formatDate, formatDateTime } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { MoneyRows } from "@/features/contracts/money-rows";
import { NoticeProvider } from "@/features/contracts/notice";
import { DecisionForm, SettlementPanel, StatementForm, WithdrawDispute } from "./dispute-actions";
import type { DisputeView } from "./types";

const STATUS: Record<DisputeView["status"], string> = { OPEN: "Open: the escrow is frozen", DECIDED: "Decided by Fairlance", SETTLED: "Settled by the two of you", WITHDRAWN: "Withdrawn" };
const OUTCOME: Record<string, string> = { RELEASE: "Released in full to the freelancer", REFUND: "Refunded in full to the client", SPLIT: "Split" };
const SIDE: Record<string, string> = { client: "Client", freelancer: "Freelancer", admin: "Fairlance" };

/** A dispute for its two parties and the mediating admins (economy.md §9.3–9.4). */
export function DisputePage({ disputeId }: { disputeId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.dispute.get.queryOptions({ disputeId }));
  if (query.isPending) {
    return (
      <div aria-busy="true" className="space-y-4">
        <Skeleton className="h-8 w-80" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} />;
  const d = query.data;
  const target = d.target.kind === "milestone" ? `milestone "${d.target.title}"` : `the week of ${formatDate(d.target.weekStart)}`;
  return (
    <div className="space-y-6">
      <div>
        {d.viewerSide === "admin" ? (
          <Link href="/admin/disputes" className="text-sm text-brand-700 underline">← Disputes waiting for a decision</Link>
        ) : (
          <Link href={`/contracts/${d.contract.id}`} className="text-sm text-brand-700 underline">← {d.contract.title}</Link>
        )}
        <h1 className="mt-1 text-2xl font-bold">Dispute over {target}</h1>
        <p className="text-sm text-slate-600">
          <PersonLink role="CLIENT" person={{ id: d.contract.clientId, name: d.contract.clientName }} /> (client) and <PersonLink role="FREELANCER" person={{ id: d.contract.freelancerId, name: d.contract.freelancerName }} /> (freelancer) · opened by the {d.openedBy} on {formatDateTime(d.openedAt)} ·{" "}
          <strong data-testid="dispute-status">{STATUS[d.status]}</strong>
        </p>
        <p className="mt-2 text-sm">
          In escrow: <Money minor={d.amountMinor} className="font-semibold" /> (the client also paid a client fee of <Money minor={d.clientFeeMinor} />). Reason: {d.reason}
        </p>
      </div>
      <NoticeProvider>
        {d.decision && (
          <Card title="How it ended">
            <p className="text-sm font-semibold" data-testid="dispute-outcome">{OUTCOME[d.decision.outcome]}</p>
            <div className="mt-2 sm:max-w-md">
              <MoneyRows
                rows={[
                  { label: "Paid to the freelancer (before their service fee)", minor: d.decision.releasedMinor },
                  { label: "Refunded part of the escrow", minor: d.decision.refundedMinor },
                  { label: "Client fee given back with it", minor: d.decision.clientFeeRefundedMinor },
                  { label: "Back to the client's card", minor: d.decision.refundedMinor + d.decision.clientFeeRefundedMinor, strong: true },
                ]}
              />
            </div>
            <p className="mt-2 text-sm">
              {d.decision.by === "admin" ? "Fairlance's decision" : "Agreed by both"} on {formatDateTime(d.decision.at)}: {d.decision.reason}
            </p>
          </Card>
        )}
        {d.status === "WITHDRAWN" && <Card title="Withdrawn"><p className="text-sm">The {d.openedBy} withdrew this dispute; the {d.target.kind === "milestone" ? "milestone" : "week"} went back to where it was.</p></Card>}
        {d.can.decide && <DecisionForm dispute={d} />}
        {(d.can.propose || d.can.acceptProposal || d.proposal) && d.status === "OPEN" && <SettlementPanel dispute={d} />}
        <Card title="Statements">
          <ol className="space-y-3">
            {d.statements.map((s) => (
              <li key={s.id} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="text-xs text-slate-500">{SIDE[s.by]} · {s.authorName} · {formatDateTime(s.at)}</p>
                <p className="mt-1 whitespace-pre-line">{s.text}</p>
                {s.links.length > 0 && (
                  <ul className="mt-1 list-disc pl-5">
                    {s.links.map((link) => (
                      <li key={link}><a href={link} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-brand-700 underline">{link}</a></li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
          {d.can.addStatement && <StatementForm disputeId={d.id} />}
        </Card>
        <Card title="Timeline">
          <ol className="space-y-1 text-sm">
            {d.timeline.map((event, index) => (
              <li key={index} className="flex flex-col gap-0.5 sm:flex-row sm:gap-3">
                <span className="shrink-0 text-xs text-slate-500 sm:w-40">{formatDateTime(event.at)}</span>
                <span>{event.by ? <strong>{SIDE[event.by]}: </strong> : null}{event.what}</span>
              </li>
            ))}
          </ol>
        </Card>
        {d.can.withdraw && <WithdrawDispute dispute={d} />}
      </NoticeProvider>
    </div>
  );
}
