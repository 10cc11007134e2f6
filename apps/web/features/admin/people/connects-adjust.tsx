"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, Button } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";
import { ReasonField } from "../reason-field";
import { formatConnects } from "@fairlance/rules";

/** Grant or take back connects with a reason the freelancer sees; the confirm step names the exact number. */
export function ConnectsAdjust({ freelancerId, name, balance }: { freelancerId: string; name: string; balance: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const [direction, setDirection] = useState<"grant" | "revoke">("grant");
  const [count, setCount] = useState("");
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const options = { onSuccess: async () => { renew(); setConfirming(false); setCount(""); setReason(""); await queryClient.invalidateQueries(trpc.admin.people.pathFilter()); } };
  const grant = useMutation(trpc.admin.people.grantConnects.mutationOptions(options));
  const revoke = useMutation(trpc.admin.people.revokeConnects.mutationOptions(options));
  const active = direction === "grant" ? grant : revoke;
  const connects = /^\d{1,6}$/.test(count.trim()) ? Number.parseInt(count.trim(), 10) : 0;
  const edit = (fn: () => void) => { fn(); setConfirming(false); grant.reset(); revoke.reset(); renew(); };
  const result = grant.data ?? revoke.data;
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold">Connects (balance {balance})</legend>
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-1"><input type="radio" name="connects-direction" checked={direction === "grant"} onChange={() => edit(() => setDirection("grant"))} /> Grant</label>
        <label className="flex items-center gap-1"><input type="radio" name="connects-direction" checked={direction === "revoke"} onChange={() => edit(() => setDirection("revoke"))} /> Take back</label>
      </div>
      <label className="block text-sm font-medium">Number of connects<input inputMode="numeric" value={count} onChange={(e) => edit(() => setCount(e.target.value))} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-normal" /></label>
      <ReasonField id="connects-reason" value={reason} onChange={(v) => edit(() => setReason(v))} hint={`${name} sees this reason in their connects history.`} />
      <div aria-live="polite" className="space-y-2">
        {result && !confirming && <Alert tone="success">Done: {result.balanceBefore} → {formatConnects(result.balanceAfter)}.</Alert>}
        {confirming && <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-900">{direction === "grant" ? `This grants ${formatConnects(connects)} to ${name}.` : `This takes ${formatConnects(connects)} back from ${name} (the ones expiring first).`}</p>}
        <ErrorAlert error={active.error} />
      </div>
      {confirming ? (
        <div className="flex gap-2">
          <Button variant={direction === "revoke" ? "danger" : "primary"} onClick={() => active.mutate({ idempotencyKey: key, freelancerId, connects, reason })} disabled={active.isPending}>{active.isPending ? "Working…" : direction === "grant" ? `Grant ${formatConnects(connects)}` : `Take back ${formatConnects(connects)}`}</Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>Back</Button>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)} disabled={connects <= 0 || reason.trim().length < 3}>Review</Button>
      )}
    </fieldset>
  );
}
