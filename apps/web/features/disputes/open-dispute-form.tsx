"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, Field } from "@/components/ui";
import { ErrorAlert, fieldErrors } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";

/** Links typed one per line, as the API takes them. */
export const linesOf = (text: string) => text.split("\n").map((line) => line.trim()).filter(Boolean);

/**
 * Opens a dispute on a milestone in escrow (economy.md §9.3): a one-line reason, a statement and up to
 * five links. Says before sending what it does to the money: frozen until decided, settled or withdrawn.
 */
export function OpenDisputeForm({ milestoneId, amountMinor, onCancel }: { milestoneId: string; amountMinor: bigint; onCancel: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { key } = useIdempotencyKey();
  const [reason, setReason] = useState("");
  const [statement, setStatement] = useState("");
  const [links, setLinks] = useState("");
  const open = useMutation(trpc.milestone.dispute.mutationOptions({ onSuccess: (opened) => router.push(`/disputes/${opened.disputeId}`) }));
  const errors = fieldErrors(open.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    open.mutate({ idempotencyKey: key, milestoneId, reason, statement, links: linesOf(links) });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-4 text-sm" aria-label="Open a dispute">
      <p className="font-semibold">Open a dispute</p>
      <p>
        The <strong>{formatMoney(amountMinor)}</strong> in escrow is frozen while the dispute is open: nobody can approve, refund or release it, and
        its clocks stop. Both of you add statements; a Fairlance admin decides (release all, refund all, or split), unless you settle on a split
        yourselves or you withdraw the dispute.
      </p>
      <Field id={`dispute-reason-${milestoneId}`} label="What is the dispute about? (one line)" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} error={errors.reason?.[0]} />
      <div className="space-y-1">
        <label htmlFor={`dispute-statement-${milestoneId}`} className="block font-medium">Your statement</label>
        <textarea
          id={`dispute-statement-${milestoneId}`}
          value={statement}
          onChange={(e) => setStatement(e.target.value)}
          rows={4}
          aria-invalid={errors.statement ? true : undefined}
          aria-describedby={errors.statement ? `dispute-statement-${milestoneId}-error` : undefined}
          className="block w-full rounded-md border border-slate-300 px-3 py-2"
        />
        {errors.statement && <p id={`dispute-statement-${milestoneId}-error`} className="text-xs text-red-700">{errors.statement[0]}</p>}
      </div>
      <div className="space-y-1">
        <label htmlFor={`dispute-links-${milestoneId}`} className="block font-medium">Links (optional, one per line, up to 5)</label>
        <textarea id={`dispute-links-${milestoneId}`} value={links} onChange={(e) => setLinks(e.target.value)} rows={2} className="block w-full rounded-md border border-slate-300 px-3 py-2" placeholder="https://…" />
        {errors.links && <p className="text-xs text-red-700">{errors.links[0]}</p>}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={open.isPending}>{open.isPending ? "Opening…" : "Open the dispute"}</Button>
        <Button type="button" variant="secondary" onClick={onCancel} disabled={open.isPending}>Cancel</Button>
      </div>
      {!Object.keys(errors).length && <ErrorAlert error={open.error} />}
    </form>
  );
}
