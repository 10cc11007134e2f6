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
 * `tone="danger"` is for what destroys or cannot be undone: a red outline to open it, a red
 * confirmation that says what will happen, and a red button to do it.
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
  tone?: "primary" | "secondary" | "danger";
}) {
  const { key, renew } = useIdempotencyKey();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const form = useRulesForm(parseOneText(rule), { text: "" });
  useOnEdit(form, () => { setConfirming(null); renew(); });
  const danger = tone === "danger";
  const done = () => { renew(); form.reset({ text: "" }); setConfirming(null); setOpen(false); };
  if (!open) return <Button variant={danger ? "danger-secondary" : tone} onClick={() => setOpen(true)}>{label}</Button>;
  return (
    <form onSubmit={form.handleSubmit(setConfirming)} noValidate aria-label={label} className={`w-full space-y-2 rounded-md border p-3 ${danger ? "border-red-200 bg-red-50/40" : "border-slate-200 bg-slate-50"}`}>
      <FormTextArea form={form} name="text" id={id} label={reasonLabel} hint={reasonHint} rows={2} limit={rule.max} />
      <div aria-live="polite" className="space-y-2">
        {confirming !== null && (
          <div className={`rounded-md p-2 text-sm ${danger ? "border border-red-200 bg-red-50 text-red-900" : "bg-amber-50 text-amber-900"}`}>
            <p className="font-semibold">{danger ? "This will:" : "What happens:"}</p>
            <div>{confirm}</div>
          </div>
        )}
        <FormAlert message={serverProblems(error, SERVER_FIELDS).alert} />
      </div>
      <div className="flex flex-wrap gap-2">
        {confirming !== null ? (
          <Button type="button" variant={danger ? "danger" : "primary"} onClick={() => submit(key, confirming, done)} disabled={isPending}>{isPending ? "Working…" : `Confirm: ${label.charAt(0).toLowerCase()}${label.slice(1)}`}</Button>
        ) : (
          <Button type="submit">Review</Button>
        )}
        <Button type="button" variant="secondary" onClick={() => { setOpen(false); setConfirming(null); }} disabled={isPending}>Cancel</Button>
      </div>
    </form>
  );
}
