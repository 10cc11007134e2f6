"use client";

import { withdrawalWarning } from "@fairlance/rules";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { Alert, Button, FormAlert } from "@/components/ui";
import { ConfirmPanel } from "@/features/contracts/confirm-panel";
import { MoneyRows } from "@/features/contracts/money-rows";
import type { RouterOutputs } from "@/features/contracts/types";
import { useAfterSuccess } from "@/features/contracts/use-after-success";
import { serverProblems, showServerProblems, useOnEdit, useRulesForm } from "@/features/shared/form";
import { WITHDRAW_SERVER_FIELDS as SERVER_FIELDS, parseWithdrawal, type WithdrawInput, type WithdrawValues } from "./withdraw-values";
import { FormField, FormSelect } from "@/features/shared/form-fields";
import { errorText } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useDebounced } from "@/lib/use-debounced";
import { formatMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";

type Overview = RouterOutputs["payout"]["overview"];

/** A manual withdrawal: the method's fee and the net are quoted by the server before confirming (economy.md §4). */
export function WithdrawForm({ overview }: { overview: Overview }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const usable = overview.methods.filter((m) => m.usable);
  const form = useRulesForm((values: WithdrawValues) => parseWithdrawal(values, overview), { methodId: usable[0]?.id ?? "", amount: "" });
  const [confirming, setConfirming] = useState<WithdrawInput | null>(null);
  const values = useWatch({ control: form.control }) as WithdrawValues;
  const typed = parseWithdrawal(values, overview);
  // The server's quote for what is typed now, once typing settles; nothing is asked for an amount the rules refuse.
  // (Debounced as text: a fresh object every render would never settle.)
  const typedKey = typed.ok ? `${typed.value.payoutMethodId} ${typed.value.amountMinor}` : "";
  const settledKey = useDebounced(typedKey);
  const current = typed.ok && settledKey === typedKey ? typed.value : null;
  const quote = useQuery({ ...trpc.payout.quote.queryOptions({ payoutMethodId: current?.payoutMethodId ?? "", amountMinor: current?.amountMinor ?? 1n }), enabled: current !== null, retry: false });
  const q = current && quote.data && quote.data.amountMinor === current.amountMinor ? quote.data : null;
  const warning = typed.ok ? withdrawalWarning(typed.value)?.sentence : undefined;
  const withdraw = useMutation(trpc.payout.withdraw.mutationOptions({ onSuccess: async () => { form.reset({ methodId: values.methodId, amount: "" }); setConfirming(null); await done(); } }));
  useOnEdit(form, () => { setConfirming(null); withdraw.reset(); renew(); });
  if (usable.length === 0) return <Alert tone="info">Add a payout method; you can withdraw to it once its waiting days are over.</Alert>;
  const method = usable.find((m) => m.id === values.methodId) ?? usable[0]!;
  const send = (input: WithdrawInput) =>
    withdraw.mutate({ idempotencyKey: key, payoutMethodId: input.payoutMethodId, amountMinor: input.amountMinor }, { onError: (error) => { setConfirming(null); showServerProblems(form, error, SERVER_FIELDS); } });
  return (
    <form onSubmit={form.handleSubmit(setConfirming)} noValidate className="space-y-3" aria-live="polite">
      <FormSelect form={form} name="methodId" id="withdraw-method" label="To">
        {usable.map((m) => <option key={m.id} value={m.id}>{m.label} (fee {formatMoney(m.feeMinor)}, from {formatMoney(m.smallestMinor)})</option>)}
      </FormSelect>
      <FormField form={form} name="amount" label="Amount (USD)" id="withdraw-amount" inputMode="decimal" warning={warning}
        hint={`From ${formatMoney(method.smallestMinor)} to this method (a withdrawal must pay at least ${formatMoney(overview.minimumNetMinor)} after its ${formatMoney(method.feeMinor)} fee) up to ${formatMoney(overview.availableMinor)} available.`} />
      {current && quote.isError && <Alert>{errorText(quote.error)}</Alert>}
      {q && <MoneyRows rows={[{ label: "From Available", minor: q.amountMinor }, { label: "Payout method fee", minor: q.feeMinor }, { label: "You receive", minor: q.netMinor, strong: true }]} />}
      {confirming ? (
        q && q.amountMinor === confirming.amountMinor ? (
          <ConfirmPanel title="Withdraw" confirmLabel={`Withdraw ${formatMoney(q.amountMinor)}`} onConfirm={() => send(confirming)} onCancel={() => setConfirming(null)} pending={withdraw.isPending}>
            <p>{formatMoney(q.amountMinor)} leaves your Available balance; {q.methodLabel} receives {formatMoney(q.netMinor)} after its {formatMoney(q.feeMinor)} fee.</p>
            {warning && <p className="mt-2 text-amber-900">{warning}</p>}
          </ConfirmPanel>
        ) : (
          <p className="text-sm text-slate-600">Getting the fee from the server…</p>
        )
      ) : (
        <Button type="submit">Review withdrawal</Button>
      )}
      <FormAlert message={serverProblems(withdraw.error, SERVER_FIELDS).alert} />
      {withdraw.data && (
        <Alert tone={withdraw.data.status === "FAILED" ? "error" : "success"}>
          {withdraw.data.status === "FAILED" ? `The payout failed: ${withdraw.data.failureReason}. The money is back in Available.` : `Withdrawal ${withdraw.data.status === "SENT" ? "sent" : "on its way"}: ${formatMoney(withdraw.data.netMinor)} to your payout method.`}
        </Alert>
      )}
    </form>
  );
}
