"use client";

import Link from "next/link";
import { AttachmentList } from "@/features/messages/attachments";
import { Money } from "@/components/money";
import { Card, EmptyState } from "@/components/ui";
import { formatDate } from "@/lib/format";
import { FeePlanPreview, FeePreview } from "./fee-preview";
import { MILESTONE_STATUS_LABEL } from "./format";
import { FreelancerEscrow } from "./freelancer-escrow";
import { FundMilestone } from "./fund-milestone";
import { ReviewMilestone } from "./review-milestone";
import { SubmitWork } from "./submit-work";
import type { ContractView, MilestoneView } from "./types";

/** Escrow the parties can still act on (a disputed milestone links to its dispute). */
const IN_ESCROW = ["FUNDED", "SUBMITTED", "CHANGES_REQUESTED", "REFUND_REQUESTED", "DISPUTED"];
const SUBMITTABLE = ["CREATED", "FUNDED", "CHANGES_REQUESTED"];

function Dates({ m, reviewWindowDays }: { m: MilestoneView; reviewWindowDays: number }) {
  const rows = [
    m.fundedAt && `Funded ${formatDate(m.fundedAt)}`,
    m.submittedAt && `Submitted ${formatDate(m.submittedAt)}`,
    m.reviewDeadline && `Review by ${formatDate(m.reviewDeadline)} — approved automatically then (${reviewWindowDays}-day window)`,
    m.changesRequested > 0 && `Changes requested ${m.changesRequested}×`,
    m.approvedAt && `${m.autoApproved ? "Approved automatically" : "Approved"} ${formatDate(m.approvedAt)}`,
    m.refundedAt && `${m.status === "SPLIT" ? "Split by the dispute's decision" : "Refunded"} ${formatDate(m.refundedAt)}`,
  ].filter(Boolean);
  return rows.length ? <p className="text-xs text-slate-600">{rows.join(" · ")}</p> : null;
}

function Actions({ m, contract }: { m: MilestoneView; contract: ContractView }) {
  const open = contract.status === "ACTIVE" || contract.status === "OFFERED";
  // Escrow outlives the contract's end (economy.md §3.3): its milestones keep their actions.
  const escrowActive = contract.status === "ACTIVE" || contract.status === "ENDED";
  const disputeLink = !IN_ESCROW.includes(m.status) && m.latestDisputeId ? <Link href={`/disputes/${m.latestDisputeId}`} className="text-xs text-brand-700 underline">See the dispute and its decision</Link> : null;
  if (contract.viewerRole === "CLIENT") {
    if (m.status === "CREATED" && open) return <FundMilestone milestone={m} clientFeeBps={contract.clientFeeBps} />;
    if (IN_ESCROW.includes(m.status) && escrowActive) return <ReviewMilestone milestone={m} contract={contract} />;
    return disputeLink;
  }
  const submit = contract.status === "ACTIVE" && m.id === contract.currentMilestoneId && SUBMITTABLE.includes(m.status) ? <SubmitWork milestone={m} contract={contract} /> : null;
  // While the freelancer gives the escrow back or opens a dispute, the submit form is hidden.
  if (IN_ESCROW.includes(m.status) && escrowActive) return <FreelancerEscrow milestone={m}>{submit}</FreelancerEscrow>;
  if (submit) return submit;
  if (m.feePreview && m.status !== "SUBMITTED") {
    return (
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700">What you receive for this milestone{m.feePreview.priorBilledMinor > contract.priorBilledMinor && " (after the milestones before it)"}</summary>
        <div className="mt-2"><FeePreview preview={m.feePreview} securityPeriodDays={contract.securityPeriodDays} /></div>
      </details>
    );
  }
  return disputeLink;
}

export function MilestoneList({ contract }: { contract: ContractView }) {
  return (
    <Card title="Milestones">
      {contract.feePlan && <div className="mb-4"><FeePlanPreview plan={contract.feePlan} securityPeriodDays={contract.securityPeriodDays} /></div>}
      {contract.milestones.length === 0 ? (
        <EmptyState title="No milestones">The client adds milestones; each is funded into escrow before work on it starts.</EmptyState>
      ) : (
        <ol className="space-y-4">
          {contract.milestones.map((m) => (
            <li key={m.id} className="space-y-2 rounded-md border border-slate-200 p-3" aria-label={`Milestone ${m.position}: ${m.title}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-semibold">
                  {m.position}. {m.title}
                </h3>
                <span className="text-sm">
                  <Money minor={m.amountMinor} className="font-semibold" /> ·{" "}
                  <span data-testid="milestone-status">{MILESTONE_STATUS_LABEL[m.status]}</span>
                </span>
              </div>
              <Dates m={m} reviewWindowDays={contract.reviewWindowDays} />
              {m.submissionNote && <p className="rounded bg-slate-50 p-2 text-sm">Freelancer&apos;s note: {m.submissionNote}</p>}
              <AttachmentList files={m.attachments} label={`Files delivered for ${m.title}`} />
              <Actions m={m} contract={contract} />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
