"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { ReasonField } from "./reason-field";

/**
 * An admin action that needs a reason and a confirm step stating exactly what will happen; one
 * idempotency key per intended action (renewed after success), so a double click acts once.
 * `tone="danger"` is for what destroys or cannot be undone: a red outline to open it, a red
 * confirmation that says what will happen, and a red button to do it.
 */
export function ReasonedAction({
  id,
  label,
  confirm,
  reasonLabel,
  reasonHint,
  minReason = 3,
  submit,
  isPending,
  error,
  tone = "primary",
}: {
  id: string;
  label: string;
  confirm: ReactNode;
  reasonLabel?: string;
  reasonHint?: string;
  /** The fewest characters the service takes (the Review button waits for them). */
  minReason?: number;
  submit: (idempotencyKey: string, reason: string, done: () => void) => void;
  isPending: boolean;
  error: unknown;
  tone?: "primary" | "secondary" | "danger";
}) {
  const { key, renew } = useIdempotencyKey();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const danger = tone === "danger";
  const done = () => { renew(); setReason(""); setConfirming(false); setOpen(false); };
  if (!open) return <Button variant={danger ? "danger-secondary" : tone} onClick={() => setOpen(true)}>{label}</Button>;
  return (
    <div role="group" aria-label={label} className={`w-full space-y-2 rounded-md border p-3 ${danger ? "border-red-200 bg-red-50/40" : "border-slate-200 bg-slate-50"}`}>
      <ReasonField id={id} label={reasonLabel} hint={reasonHint} value={reason} onChange={(value) => { setReason(value); setConfirming(false); renew(); }} />
      <div aria-live="polite" className="space-y-2">
        {confirming && (
          <div className={`rounded-md p-2 text-sm ${danger ? "border border-red-200 bg-red-50 text-red-900" : "bg-amber-50 text-amber-900"}`}>
            <p className="font-semibold">{danger ? "This will:" : "What happens:"}</p>
            <div>{confirm}</div>
          </div>
        )}
        <ErrorAlert error={error} />
      </div>
      <div className="flex flex-wrap gap-2">
        {confirming ? (
          <Button variant={danger ? "danger" : "primary"} onClick={() => submit(key, reason, done)} disabled={isPending}>{isPending ? "Working…" : `Confirm: ${label.charAt(0).toLowerCase()}${label.slice(1)}`}</Button>
        ) : (
          <Button onClick={() => setConfirming(true)} disabled={reason.trim().length < minReason}>Review</Button>
        )}
        <Button variant="secondary" onClick={() => { setOpen(false); setConfirming(false); }} disabled={isPending}>Cancel</Button>
      </div>
    </div>
  );
}
