"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Button } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { FeePreview } from "./fee-preview";
import type { ContractView, MilestoneView } from "./types";
import { useNotice } from "./notice";
import { useAfterSuccess } from "./use-after-success";

/** The freelancer submits work, after seeing the fee preview; refused (with the unmet checks) while the gate is closed. */
export function SubmitWork({ milestone, contract }: { milestone: MilestoneView; contract: ContractView }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const [note, setNote] = useState("");
  const notify = useNotice();
  const submit = useMutation(trpc.milestone.submit.mutationOptions({ onSuccess: async (r) => { setNote(""); notify(`Submitted "${milestone.title}". If the client does nothing, it is approved automatically on ${formatDate(r.reviewDeadline)}.`); await done(); } }));
  const unmet = contract.workStartGate.checks.filter((check) => !check.ok);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate({ idempotencyKey: key, milestoneId: milestone.id, note: note || undefined });
  };
  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
      <h4 className="text-sm font-semibold">Submit work for this milestone</h4>
      {milestone.feePreview && <FeePreview preview={milestone.feePreview} securityPeriodDays={contract.securityPeriodDays} />}
      <div className="space-y-1">
        <label htmlFor={`note-${milestone.id}`} className="block text-sm font-medium">
          Note to the client (optional)
        </label>
        <textarea id={`note-${milestone.id}`} value={note} onChange={(e) => setNote(e.target.value)} rows={3} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm" />
      </div>
      {unmet.length > 0 && (
        <div id={`blocked-${milestone.id}`}>
          <Alert tone="warning">
            You cannot submit work yet: {unmet.map((check) => check.explanation).join(" ")}
          </Alert>
        </div>
      )}
      <Button type="submit" disabled={submit.isPending || unmet.length > 0} aria-describedby={unmet.length > 0 ? `blocked-${milestone.id}` : undefined}>
        {submit.isPending ? "Submitting…" : "Submit work"}
      </Button>
      <div aria-live="polite">
        <ErrorAlert error={submit.error} />
      </div>
    </form>
  );
}
