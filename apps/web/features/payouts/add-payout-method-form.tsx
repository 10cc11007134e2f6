"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Money } from "@/components/money";
import { Alert, Button, Field } from "@/components/ui";
import { useAfterSuccess } from "@/features/contracts/use-after-success";
import { ErrorAlert, fieldErrors } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { KIND_LABEL } from "./labels";

type Kind = "ACH" | "LOCAL_BANK" | "PAYPAL" | "INSTANT" | "WIRE";

export function AddPayoutMethodForm({ fees, waitingDays }: { fees: { kind: string; feeMinor: bigint }[]; waitingDays: number }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const [kind, setKind] = useState<Kind>("ACH");
  const [account, setAccount] = useState("");
  const [label, setLabel] = useState("");
  const add = useMutation(trpc.payout.addMethod.mutationOptions({ onSuccess: async () => { setAccount(""); setLabel(""); await done(); } }));
  const errors = fieldErrors(add.error);
  const fee = fees.find((f) => f.kind.toUpperCase() === kind);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ idempotencyKey: key, kind, account, label });
  };
  return (
    <form onSubmit={submit} className="space-y-3">
      <div className="space-y-1">
        <label htmlFor="payout-kind" className="block text-sm font-medium">Type</label>
        <select id="payout-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)} className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
          {Object.entries(KIND_LABEL).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
        </select>
        {fee && <p className="text-xs text-slate-500">Fee per withdrawal: <Money minor={fee.feeMinor} /></p>}
      </div>
      <Field label="Account number or PayPal email" id="payout-account" value={account} onChange={(e) => setAccount(e.target.value)} error={errors.account?.[0]} required />
      <Field label="Name for this method" id="payout-label" value={label} onChange={(e) => setLabel(e.target.value)} error={errors.label?.[0]} required />
      <p className="text-xs text-slate-500">For your safety a new method can be used {waitingDays} days after it is added.</p>
      <Button type="submit" variant="secondary" disabled={add.isPending}>{add.isPending ? "Adding…" : "Add payout method"}</Button>
      <div aria-live="polite">
        <ErrorAlert error={add.error} />
        {add.data && <Alert tone="success">{add.data.label} added: usable from {formatDate(add.data.usableFrom)}.</Alert>}
      </div>
    </form>
  );
}
