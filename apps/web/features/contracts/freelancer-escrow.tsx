"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui";
import { OpenDisputeForm } from "@/features/disputes/open-dispute-form";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";
import { ConfirmPanel } from "./confirm-panel";
import { MoneyRows } from "./money-rows";
import type { MilestoneView } from "./types";
import { useNotice } from "./notice";
import { useAfterSuccess } from "./use-after-success";

/**
 * The freelancer's side of a milestone in escrow (economy.md §9): answer a refund request (give the
 * escrow back, or dispute), give escrow back of their own accord, or open a dispute. `children` (the
 * submit-work form) is shown only while neither step is open.
 */
export function FreelancerEscrow({ milestone, children }: { milestone: MilestoneView; children?: ReactNode }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const notify = useNotice();
  const [step, setStep] = useState<null | "give-back" | "dispute">(null);
  const giveBack = useMutation(
    trpc.milestone.refund.mutationOptions({
      onSuccess: async (r) => {
        setStep(null);
        notify(`The escrow of "${milestone.title}" goes back to the client: ${formatMoney(r.cardRefund.amountMinor)} to their card${r.cardRefund.queued ? " (the card refund is queued and retried automatically)" : ""}.`);
        await done();
      },
    }),
  );
  if (milestone.status === "DISPUTED") {
    return milestone.openDisputeId ? <Link href={`/disputes/${milestone.openDisputeId}`} className="text-sm font-semibold text-brand-700 underline">A dispute is open on this milestone: see it and add a statement</Link> : null;
  }
  const requested = milestone.status === "REFUND_REQUESTED";
  return (
    <div className="space-y-2">
      {requested && milestone.refundRequestDeadline && (
        <p className="rounded bg-amber-50 p-2 text-sm" role="status">
          The client asked for this escrow back{milestone.refundRequestReason ? `: “${milestone.refundRequestReason}”` : ""}. Give it back or open a dispute by{" "}
          <strong>{formatDateTime(milestone.refundRequestDeadline)}</strong>; if you do nothing, it goes back to the client then.
        </p>
      )}
      {step === null && (
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant={requested ? "primary" : "secondary"} onClick={() => setStep("give-back")}>{requested ? "Accept: give the escrow back" : "Give the escrow back"}</Button>
          <Button type="button" variant="secondary" onClick={() => setStep("dispute")}>{requested ? "Dispute the request" : "Open a dispute"}</Button>
        </div>
      )}
      {step === "give-back" && (
        <ConfirmPanel title={`Give the escrow of "${milestone.title}" back`} confirmLabel="Give it back to the client" onConfirm={() => giveBack.mutate({ idempotencyKey: key, milestoneId: milestone.id })} onCancel={() => setStep(null)} pending={giveBack.isPending}>
          <MoneyRows rows={[{ label: "Escrow", minor: milestone.amountMinor }, { label: "Client fee, also refunded", minor: milestone.clientFeeMinor }]} />
          <p className="mt-2">You are not paid for this milestone. This cannot be undone.</p>
        </ConfirmPanel>
      )}
      {step === "dispute" && <OpenDisputeForm milestoneId={milestone.id} amountMinor={milestone.amountMinor} onCancel={() => setStep(null)} />}
      <ErrorAlert error={giveBack.error} />
      {step === null && children}
    </div>
  );
}
