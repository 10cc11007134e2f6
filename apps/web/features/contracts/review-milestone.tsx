"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";
import { ConfirmPanel } from "./confirm-panel";
import { MoneyRows } from "./money-rows";
import type { ContractView, MilestoneView } from "./types";
import { useNotice } from "./notice";
import { useAfterSuccess } from "./use-after-success";

type Step = null | "approve" | "changes" | "refund";

/** The client approves (stating what they paid and what is released; the freelancer's fee is theirs), requests changes, or takes the escrow back. */
export function ReviewMilestone({ milestone, contract }: { milestone: MilestoneView; contract: ContractView }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const [step, setStep] = useState<Step>(null);
  const [message, setMessage] = useState("");
  const notify = useNotice();
  const finish = async (text: string) => { setStep(null); setMessage(""); notify(text); await done(); };
  const approve = useMutation(trpc.milestone.approve.mutationOptions({ onSuccess: (r) => finish(`Approved "${milestone.title}": ${formatMoney(r.payment.netMinor)} goes to the freelancer.`) }));
  const changes = useMutation(trpc.milestone.requestChanges.mutationOptions({ onSuccess: () => finish(`"${milestone.title}" was sent back for changes.`) }));
  const refund = useMutation(trpc.milestone.refund.mutationOptions({ onSuccess: (r) => finish(`Refunded ${formatMoney(r.cardRefund.amountMinor)} to your card.`) }));
  const pending = approve.isPending || changes.isPending || refund.isPending;
  const ids = { idempotencyKey: key, milestoneId: milestone.id };

  return (
    <div className="space-y-2" aria-live="polite">
      {step === null && (
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant={milestone.status === "SUBMITTED" ? "primary" : "secondary"} onClick={() => setStep("approve")}>{milestone.status === "SUBMITTED" ? "Approve and pay" : "Release escrow now"}</Button>
          {milestone.status === "SUBMITTED" && <Button type="button" variant="secondary" onClick={() => setStep("changes")}>Request changes</Button>}
          <Button type="button" variant="ghost" onClick={() => setStep("refund")}>Refund escrow</Button>
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
        <ConfirmPanel title="Request changes" confirmLabel="Send back for changes" onConfirm={() => changes.mutate({ ...ids, message })} onCancel={() => setStep(null)} pending={pending}>
          <label htmlFor={`changes-${milestone.id}`} className="block font-medium">What should change?</label>
          <textarea id={`changes-${milestone.id}`} value={message} onChange={(e) => setMessage(e.target.value)} rows={3} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2" />
          <p className="mt-1 text-slate-600">The review window stops until the freelancer submits again.</p>
        </ConfirmPanel>
      )}
      {step === "refund" && (
        <ConfirmPanel title={`Refund "${milestone.title}"`} confirmLabel="Refund to my card" onConfirm={() => refund.mutate(ids)} onCancel={() => setStep(null)} pending={pending}>
          <MoneyRows rows={[{ label: "Escrow", minor: milestone.amountMinor }, { label: "Client fee", minor: milestone.clientFeeMinor }]} />
          <p className="mt-2">Both return to your card; the freelancer is not paid for this milestone.</p>
        </ConfirmPanel>
      )}
      <ErrorAlert error={approve.error ?? changes.error ?? refund.error} />
    </div>
  );
}
