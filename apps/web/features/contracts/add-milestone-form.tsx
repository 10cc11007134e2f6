"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Money } from "@/components/money";
import { Alert, Button, Card, Field } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { readMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";
import type { ContractView } from "./types";
import { useAfterSuccess } from "./use-after-success";

export function AddMilestoneForm({ contract }: { contract: ContractView }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const [title, setTitle] = useState("");
  const [amount, setAmount] = useState("");
  const [amountError, setAmountError] = useState<string>();
  const add = useMutation(trpc.milestone.add.mutationOptions({ onSuccess: async () => { setTitle(""); setAmount(""); await done(); } }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const money = readMoney(amount);
    if (!money.ok) return setAmountError(money.error);
    setAmountError(undefined);
    add.mutate({ idempotencyKey: key, contractId: contract.id, milestone: { title, amountMinor: money.minor } });
  };
  return (
    <Card title="Add a milestone">
      <form onSubmit={submit} className="space-y-3">
        <Field label="Milestone title" id="new-milestone-title" value={title} onChange={(e) => setTitle(e.target.value)} required />
        <Field label="Amount (USD)" id="new-milestone-amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} error={amountError} required />
        <p className="text-xs text-slate-500">
          At least <Money minor={contract.milestoneMinimumMinor} />. You are charged only when you fund it, with the client fee shown first.
        </p>
        <Button type="submit" variant="secondary" disabled={add.isPending}>{add.isPending ? "Adding…" : "Add milestone"}</Button>
        <div aria-live="polite">
          <ErrorAlert error={add.error} />
          {add.data && <Alert tone="success">Milestone “{add.data.title}” added. Fund it so work can start.</Alert>}
        </div>
      </form>
    </Card>
  );
}
