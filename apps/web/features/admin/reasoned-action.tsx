"use client";

import type { TextRule } from "@fairlance/rules";
import { useState, type ReactNode } from "react";
import { Button, FormAlert } from "@/components/ui";
import { parseOneText, serverProblems, useOnEdit, useRulesForm, type ServerFields, type TextValues } from "@/features/shared/form";
import { FormTextArea } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";

// The caller runs the mutation: its refusals (the reason included) are the form's alert.
const SERVER_FIELDS: ServerFields<TextValues> = {};

/**
 * An admin action that needs a reason and a confirm step stating exactly what will happen; one
 * idempotency key per intended action (renewed after success), so a double click acts once. The
 * reason is checked by the service's rule (`rule`, from TEXT_RULES) before the confirm step.
 */
export function ReasonedAction({
  id,
  label,
  confirm,
  rule,
  reasonLabel = "Reason (required)",
  reasonHint,
  submit,
  isPending,
  error,
  tone = "primary",
}: {
  id: string;
  label: string;
  confirm: ReactNode;
  rule: TextRule;
  reasonLabel?: string;
  reasonHint?: string;
  submit: (idempotencyKey: string, reason: string, done: () => void) => void;
  isPending: boolean;
  error: unknown;
  tone?: "primary" | "secondary";
}) {
  const { key, renew } = useIdempotencyKey();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const form = useRulesForm(parseOneText(rule), { text: "" });
  useOnEdit(form, () => { setConfirming(null); renew(); });
  const done = () => { renew(); form.reset({ text: "" }); setConfirming(null); setOpen(false); };
  if (!open) return <Button variant={tone} onClick={() => setOpen(true)}>{label}</Button>;
  return (
    <form onSubmit={form.handleSubmit(setConfirming)} noValidate className="w-full space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3">
      <FormTextArea form={form} name="text" id={id} label={reasonLabel} hint={reasonHint} rows={2} limit={rule.max} />
      <div aria-live="polite" className="space-y-2">
        {confirming !== null && <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-900">{confirm}</p>}
        <FormAlert message={serverProblems(error, SERVER_FIELDS).alert} />
      </div>
      <div className="flex flex-wrap gap-2">
        {confirming !== null ? (
          <Button type="button" onClick={() => submit(key, confirming, done)} disabled={isPending}>{isPending ? "Working…" : `Confirm: ${label.toLowerCase()}`}</Button>
        ) : (
          <Button type="submit">Review</Button>
        )}
        <Button type="button" variant="secondary" onClick={() => { setOpen(false); setConfirming(null); }} disabled={isPending}>Cancel</Button>
      </div>
    </form>
  );
}

