"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Money } from "@/components/money";
import { Alert, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { PersonLink } from "@/features/shared/person-link";
import { formatDate, formatDateTime } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { AddMilestoneForm } from "./add-milestone-form";
import { BonusForm } from "./bonus-form";
import { ContractMessages } from "./contract-messages";
import { EndContract } from "./end-contract";
import { FeedbackPanel } from "./feedback-panel";
import { CONTRACT_STATUS_LABEL, ENDED_REASON_LABEL, formatRate } from "./format";
import { HourlyPanel } from "./hourly-panel";
import { MilestoneList } from "./milestone-list";
import { NoticeProvider } from "./notice";
import { OfferActions } from "./offer-actions";
import { WorkStartGate } from "./work-start-gate";

/**
 * The dates after the status: "since" the start while active, when an offer expires, and when it
 * ended (with why) once over: "Ended Dec 16, 2026 (reason) · started Dec 2, 2026".
 */
function statusDates(contract: { status: string; startedAt: Date | null; endedAt: Date | null; endedReason: string | null; offerExpiresAt: Date }): string {
  if (contract.status === "ACTIVE") return contract.startedAt ? ` since ${formatDate(contract.startedAt)}` : "";
  if (contract.status === "OFFERED") return ` · expires ${formatDateTime(contract.offerExpiresAt)}`;
  const reason = contract.endedReason ? ` (${ENDED_REASON_LABEL[contract.endedReason] ?? contract.endedReason})` : "";
  const ended = contract.endedAt ? ` ${formatDate(contract.endedAt)}${reason}` : reason;
  return `${ended}${contract.startedAt ? ` · started ${formatDate(contract.startedAt)}` : ""}`;
}

export function ContractPage({ contractId }: { contractId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.contract.get.queryOptions({ contractId }));
  if (query.isPending) {
    return (
      <div aria-busy="true" className="space-y-4">
        <Skeleton className="h-8 w-80" />
        <Skeleton className="h-32 w-full" />
        <Skeleton className="h-48 w-full" />
      </div>
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} />;
  const contract = query.data;
  const isClient = contract.viewerRole === "CLIENT";
  const active = contract.status === "ACTIVE";
  return (
    <div className="space-y-6">
      <div>
        <Link href="/contracts" className="text-sm text-brand-700 underline">← All contracts</Link>
        <h1 className="mt-1 text-2xl font-bold">{contract.title}</h1>
        <p className="text-sm text-slate-600">
          <PersonLink role="CLIENT" person={contract.client} /> (client) and <PersonLink role="FREELANCER" person={contract.freelancer} /> (freelancer) · {contract.type === "FIXED" ? "Fixed price" : "Hourly"} ·{" "}
          <strong data-testid="contract-status">{CONTRACT_STATUS_LABEL[contract.status]}</strong>
          {statusDates(contract)}
        </p>
        <p className="text-xs text-slate-500">
          Client fee on payments: {formatRate(contract.clientFeeBps)} (fixed when the contract was offered)
          {contract.escrowMinor > 0n && (
            <>
              {" "}· in escrow now: <Money minor={contract.escrowMinor} />
            </>
          )}
        </p>
      </div>
      {contract.otherPartyNotice && (
        <Alert tone="warning">
          {contract.otherPartyNotice}
        </Alert>
      )}
      <NoticeProvider>
      <WorkStartGate gate={contract.workStartGate} viewerRole={contract.viewerRole} status={contract.status} />
      {contract.status === "OFFERED" && !isClient && <OfferActions contract={contract} />}
      {contract.type === "FIXED" ? <MilestoneList contract={contract} /> : <HourlyPanel contract={contract} />}
      {isClient && contract.type === "FIXED" && (active || contract.status === "OFFERED") && <AddMilestoneForm contract={contract} />}
      {active && (
        <div className="grid items-start gap-6 lg:grid-cols-2">
          {isClient && <BonusForm contract={contract} />}
          <EndContract contract={contract} />
        </div>
      )}
      </NoticeProvider>
      {contract.status === "ENDED" && <FeedbackPanel contract={contract} />}
      <ContractMessages contractId={contract.id} />
    </div>
  );
}
