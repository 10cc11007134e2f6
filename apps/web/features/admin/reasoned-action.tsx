"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { ReasonField } from "./reason-field";

/**
 * An admin action that needs a reason and a confirm step stating exactly what will happen; one
 * idempotency key per intended action (renewed after success), so a double click acts once.
 */
export function ReasonedAction({
  id,
  label,
  confirm,
  reasonLabel,
  reasonHint,
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
  submit: (idempotencyKey: string, reason: string, done: () => void) => void;
  isPending: boolean;
  error: unknown;
  tone?: "primary" | "secondary";
}) {
  const { key, renew } = useIdempotencyKey();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const done = () => { renew(); setReason(""); setConfirming(false); setOpen(false); };
  if (!open) return <Button variant={tone} onClick={() => setOpen(true)}>{label}</Button>;
  return (
    <div className="w-full space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3">
      <ReasonField id={id} label={reasonLabel} hint={reasonHint} value={reason} onChange={(value) => { setReason(value); setConfirming(false); renew(); }} />
      <div aria-live="polite" className="space-y-2">
        {confirming && <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-900">{confirm}</p>}
        <ErrorAlert error={error} />
      </div>
      <div className="flex flex-wrap gap-2">
        {confirming ? (
          <Button onClick={() => submit(key, reason, done)} disabled={isPending}>{isPending ? "Working…" : `Confirm: ${label.toLowerCase()}`}</Button>
        ) : (
          <Button onClick={() => setConfirming(true)} disabled={reason.trim().length < 3}>Review</Button>
        )}
        <Button variant="secondary" onClick={() => { setOpen(false); setConfirming(false); }} disabled={isPending}>Cancel</Button>
      </div>
    </div>
  );
}
