"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { TEXT_RULES } from "@fairlance/rules";
import { Button, FormAlert } from "@/components/ui";
import { OpenDisputeForm } from "@/features/disputes/open-dispute-form";
import { ErrorAlert } from "@/features/shared/error-message";
import { parseOneText, serverProblems, showServerProblems, useRulesForm } from "@/features/shared/form";
import { FormTextArea } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";
import { ConfirmPanel } from "./confirm-panel";
import { MoneyRows } from "./money-rows";
import type { ContractView, MilestoneView } from "./types";
import { useNotice } from "./notice";
import { useAfterSuccess } from "./use-after-success";
import { formatCount } from "@fairlance/rules";

type Step = null | "approve" | "changes" | "ask-refund" | "dispute";

/**
 * The client's side of a milestone in escrow (economy.md §3.3, §9): approve (stating what they paid
 * and what is released; the freelancer's fee is theirs), request changes (a limited number of
 * times), ask for the escrow back before any work was submitted, or open a dispute.
 */
export function ReviewMilestone({ milestone, contract }: { milestone: MilestoneView; contract: ContractView }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const [step, setStep] = useState<Step>(null);
  const changesForm = useRulesForm(parseOneText(TEXT_RULES.changeRequest), { text: "" });
  const refundForm = useRulesForm(parseOneText(TEXT_RULES.refundReason), { text: "" });
  const notify = useNotice();
  const finish = async (text: string) => { setStep(null); changesForm.reset({ text: "" }); refundForm.reset({ text: "" }); notify(text); await done(); };
  const approve = useMutation(trpc.milestone.approve.mutationOptions({ onSuccess: (r) => finish(`Approved "${milestone.title}": ${formatMoney(r.payment.grossMinor)} is released to the freelancer.`) }));
  const changes = useMutation(trpc.milestone.requestChanges.mutationOptions({ onSuccess: () => finish(`"${milestone.title}" was sent back for changes.`) }));
  const askRefund = useMutation(trpc.milestone.requestRefund.mutationOptions({ onSuccess: (r) => finish(`You asked for the escrow of "${milestone.title}" back. If the freelancer does not answer, it comes back to your card on ${formatDateTime(r.deadline)}.`) }));
  const withdrawAsk = useMutation(trpc.milestone.withdrawRefundRequest.mutationOptions({ onSuccess: () => finish(`You withdrew the refund request on "${milestone.title}".`) }));
  const pending = approve.isPending || changes.isPending || askRefund.isPending || withdrawAsk.isPending;
  const ids = { idempotencyKey: key, milestoneId: milestone.id };
  const neverSubmitted = milestone.submittedAt === null;
  const changesLeft = contract.maxChangeRequests - milestone.changesRequested;

  if (milestone.status === "DISPUTED") {
    return milestone.openDisputeId ? <Link href={`/disputes/${milestone.openDisputeId}`} className="text-sm font-semibold text-brand-700 underline">A dispute is open on this milestone: see it and add a statement</Link> : null;
  }
  return (
    <div className="space-y-2" aria-live="polite">
      {milestone.status === "REFUND_REQUESTED" && milestone.refundRequestDeadline && (
        <p className="rounded bg-amber-50 p-2 text-sm">
          You asked for this escrow back{milestone.refundRequestReason ? ` (“${milestone.refundRequestReason}”)` : ""}. The freelancer gives it back or disputes;
          if they do not answer by <strong>{formatDateTime(milestone.refundRequestDeadline)}</strong>, it comes back to your card then.
        </p>
      )}
      {step === null && (
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant={milestone.status === "SUBMITTED" ? "primary" : "secondary"} onClick={() => setStep("approve")}>{milestone.status === "SUBMITTED" ? "Approve and pay" : "Release escrow now"}</Button>
          {milestone.status === "SUBMITTED" &&
            (changesLeft > 0 ? (
              <Button type="button" variant="secondary" onClick={() => setStep("changes")}>Request changes ({changesLeft} of {contract.maxChangeRequests} left)</Button>
            ) : (
              <span className="self-center text-xs text-slate-600">You have asked for changes {contract.maxChangeRequests} times, the most for one milestone: approve it or open a dispute.</span>
            ))}
          {milestone.status === "FUNDED" && neverSubmitted && <Button type="button" variant="secondary" onClick={() => setStep("ask-refund")}>Ask for the escrow back</Button>}
          {milestone.status === "REFUND_REQUESTED" && (
            <Button type="button" variant="secondary" disabled={pending} onClick={() => withdrawAsk.mutate(ids)}>Withdraw the refund request</Button>
          )}
          <Button type="button" variant="ghost" onClick={() => setStep("dispute")}>Open a dispute</Button>
        </div>
      )}
      {step === "approve" && (
        <ConfirmPanel title={`Approve "${milestone.title}"`} confirmLabel={`Approve and release ${formatMoney(milestone.amountMinor)}`} onConfirm={() => approve.mutate(ids)} onCancel={() => setStep(null)} pending={pending}>
          <MoneyRows
            rows={[
              { label: "Milestone (in escrow)", minor: milestone.amountMinor },
              { label: "Client fee (paid when you funded it)", minor: milestone.clientFeeMinor },
              { label: "You paid in total", minor: milestone.amountMinor + milestone.clientFeeMinor, strong: true },
            ]}
          />
          <p className="mt-2">Approving releases <strong>{formatMoney(milestone.amountMinor)}</strong> to {contract.freelancer.name}. Nothing more is charged to you.</p>
        </ConfirmPanel>
      )}
      {step === "changes" && (
        <ConfirmPanel title="Request changes" confirmLabel="Send back for changes" onConfirm={changesForm.handleSubmit((message) => changes.mutate({ ...ids, message }, { onError: (error) => showServerProblems(changesForm, error, { fields: { message: "text" } }) }))} onCancel={() => setStep(null)} pending={pending}>
          <FormTextArea form={changesForm} name="text" id={`changes-${milestone.id}`} label="What should change?" rows={3} limit={TEXT_RULES.changeRequest.max} />
          <p className="mt-1 text-slate-600">
            The review window stops until the freelancer submits again. This is request {milestone.changesRequested + 1} of {contract.maxChangeRequests}; after the last one only approving or a dispute remain.
          </p>
        </ConfirmPanel>
      )}
      {step === "ask-refund" && (
        <ConfirmPanel title={`Ask for the escrow of "${milestone.title}" back`} confirmLabel="Send the refund request" onConfirm={refundForm.handleSubmit((reason) => askRefund.mutate({ ...ids, reason }, { onError: (error) => showServerProblems(refundForm, error, { fields: { reason: "text" } }) }))} onCancel={() => setStep(null)} pending={pending}>
          <MoneyRows rows={[{ label: "Escrow", minor: milestone.amountMinor }, { label: "Client fee", minor: milestone.clientFeeMinor }, { label: "Back to your card if accepted", minor: milestone.amountMinor + milestone.clientFeeMinor, strong: true }]} />
          <div className="mt-2">
            <FormTextArea form={refundForm} name="text" id={`refund-reason-${milestone.id}`} label="Why?" rows={2} limit={TEXT_RULES.refundReason.max} />
          </div>
          <p className="mt-1 text-slate-600">
            The freelancer gives it back or disputes within {formatCount(contract.refundRequestDays, "day")}; if they do not answer, it comes back to your card then. No work has been submitted on this milestone yet.
          </p>
        </ConfirmPanel>
      )}
      {step === "dispute" && <OpenDisputeForm milestoneId={milestone.id} amountMinor={milestone.amountMinor} onCancel={() => setStep(null)} />}
      <ErrorAlert error={approve.error ?? withdrawAsk.error} />
      <FormAlert message={serverProblems(changes.error, { fields: { message: "text" } }).alert ?? serverProblems(askRefund.error, { fields: { reason: "text" } }).alert} />
    </div>
  );
}
