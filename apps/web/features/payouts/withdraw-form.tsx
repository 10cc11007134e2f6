"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, Button, Field } from "@/components/ui";
import { ConfirmPanel } from "@/features/contracts/confirm-panel";
import { MoneyRows } from "@/features/contracts/money-rows";
import type { RouterOutputs } from "@/features/contracts/types";
import { useAfterSuccess } from "@/features/contracts/use-after-success";
import { useDebounced } from "@/lib/use-debounced";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatMoney, readMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";

type Overview = RouterOutputs["payout"]["overview"];

/** A manual withdrawal: the method's fee and the net are quoted by the server before confirming (economy.md §4). */
export function WithdrawForm({ overview }: { overview: Overview }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const usable = overview.methods.filter((m) => m.usable);
  const [methodId, setMethodId] = useState(usable[0]?.id ?? "");
  const [amount, setAmount] = useState("");
  const [confirming, setConfirming] = useState(false);
  const chosen = methodId || usable[0]?.id || "";
  const money = readMoney(useDebounced(amount));
  const amountMinor = money.ok && money.minor > 0n ? money.minor : null;
  const quote = useQuery({ ...trpc.payout.quote.queryOptions({ payoutMethodId: chosen, amountMinor: amountMinor ?? 1n }), enabled: amountMinor !== null && Boolean(chosen), retry: false });
  const withdraw = useMutation(trpc.payout.withdraw.mutationOptions({ onSuccess: async () => { setAmount(""); setConfirming(false); await done(); } }));
  if (usable.length === 0) return <Alert tone="info">Add a payout method; you can withdraw to it once its waiting days are over.</Alert>;
  const q = quote.data && quote.data.amountMinor === amountMinor ? quote.data : null;
  const method = usable.find((m) => m.id === chosen) ?? usable[0]!;
  return (
    <div className="space-y-3" aria-live="polite">
      <div className="space-y-1">
        <label htmlFor="withdraw-method" className="block text-sm font-medium">To</label>
        <select id="withdraw-method" value={chosen} onChange={(e) => { setMethodId(e.target.value); setConfirming(false); }} className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
          {usable.map((m) => <option key={m.id} value={m.id}>{m.label} (fee {formatMoney(m.feeMinor)}, from {formatMoney(m.smallestMinor)})</option>)}
        </select>
      </div>
      <Field label="Amount (USD)" id="withdraw-amount" inputMode="decimal" value={amount} onChange={(e) => { setAmount(e.target.value); setConfirming(false); }} hint={`From ${formatMoney(method.smallestMinor)} to this method (a withdrawal must pay at least ${formatMoney(overview.minimumNetMinor)} after its ${formatMoney(method.feeMinor)} fee) up to ${formatMoney(overview.availableMinor)} available.`} error={amount && !money.ok ? money.error : undefined} />
      {amountMinor !== null && <ErrorAlert error={quote.error} />}
      {q && !confirming && (
        <>
          <MoneyRows rows={[{ label: "From Available", minor: q.amountMinor }, { label: "Payout method fee", minor: q.feeMinor }, { label: "You receive", minor: q.netMinor, strong: true }]} />
          <Button type="button" onClick={() => setConfirming(true)}>Review withdrawal</Button>
        </>
      )}
      {q && confirming && (
        <ConfirmPanel title="Withdraw" confirmLabel={`Withdraw ${formatMoney(q.amountMinor)}`} onConfirm={() => withdraw.mutate({ idempotencyKey: key, payoutMethodId: chosen, amountMinor: q.amountMinor })} onCancel={() => setConfirming(false)} pending={withdraw.isPending}>
          <p>{formatMoney(q.amountMinor)} leaves your Available balance; {q.methodLabel} receives {formatMoney(q.netMinor)} after its {formatMoney(q.feeMinor)} fee.</p>
        </ConfirmPanel>
      )}
      <ErrorAlert error={withdraw.error} />
      {withdraw.data && (
        <Alert tone={withdraw.data.status === "FAILED" ? "error" : "success"}>
          {withdraw.data.status === "FAILED" ? `The payout failed: ${withdraw.data.failureReason}. The money is back in Available.` : `Withdrawal ${withdraw.data.status === "SENT" ? "sent" : "on its way"}: ${formatMoney(withdraw.data.netMinor)} to your payout method.`}
        </Alert>
      )}
    </div>
  );
}
