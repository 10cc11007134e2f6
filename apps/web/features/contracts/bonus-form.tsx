"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { Alert, Button, Card, FormAlert } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { problemsOf, readAmount, serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { FormField } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";
import { ConfirmPanel } from "./confirm-panel";
import { formatRate } from "./format";
import { MoneyRows } from "./money-rows";
import type { ContractView } from "./types";
import { useAfterSuccess } from "./use-after-success";
import { useDebounced } from "@/lib/use-debounced";

interface BonusValues {
  amount: string;
}

/** The bonus amount, refused as the service's `Amount("bonus")` refuses it. */
export function parseBonus(values: BonusValues) {
  const check = problemsOf<BonusValues>();
  const amountMinor = check.take("amount", readAmount(values.amount, "bonus"));
  return check.done(() => amountMinor!);
}

const SERVER_FIELDS: ServerFields<BonusValues> = { fields: { amountMinor: "amount" } };

/** A bonus (economy.md §3.6): the server quotes the client fee, the total charged and what the freelancer receives before paying. */
export function BonusForm({ contract }: { contract: ContractView }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const form = useRulesForm(parseBonus, { amount: "" });
  const [confirming, setConfirming] = useState<bigint | null>(null);
  const typed = parseBonus({ amount: useWatch({ control: form.control, name: "amount" }) });
  const typedMinor = typed.ok ? typed.value : null;
  const settled = useDebounced(typedMinor);
  const amountMinor = settled !== null && settled === typedMinor ? settled : null;
  const quote = useQuery({ ...trpc.contract.bonusQuote.queryOptions({ contractId: contract.id, amountMinor: amountMinor ?? 1n }), enabled: amountMinor !== null });
  const pay = useMutation(trpc.contract.payBonus.mutationOptions({ onSuccess: async () => { form.reset({ amount: "" }); setConfirming(null); await done(); } }));
  useOnEdit(form, () => { setConfirming(null); pay.reset(); renew(); });
  const q = amountMinor !== null && quote.data && quote.data.clientFee.amountMinor === amountMinor ? quote.data : null;

  return (
    <Card title="Pay a bonus">
      <form onSubmit={form.handleSubmit(setConfirming)} noValidate className="space-y-3" aria-live="polite">
        <FormField form={form} name="amount" label="Bonus amount (USD)" id="bonus-amount" inputMode="decimal" />
        {q && (
          <MoneyRows
            rows={[
              { label: "Bonus", minor: q.clientFee.amountMinor },
              { label: `Client marketplace fee (${formatRate(contract.clientFeeBps)})`, minor: q.clientFee.feeMinor },
              { label: "Total charged to your card", minor: q.clientFee.totalMinor, strong: true },
            ]}
          />
        )}
        {amountMinor !== null && <ErrorAlert error={quote.error} />}
        {confirming !== null ? (
          q && q.clientFee.amountMinor === confirming ? (
            <ConfirmPanel title="Pay this bonus" confirmLabel={`Pay ${formatMoney(q.clientFee.totalMinor)}`} onConfirm={() => pay.mutate({ idempotencyKey: key, contractId: contract.id, amountMinor: confirming }, { onError: (error) => { setConfirming(null); showServerProblems(form, error, SERVER_FIELDS); } })} onCancel={() => setConfirming(null)} pending={pay.isPending}>
              <p>{formatMoney(q.clientFee.totalMinor)} is charged to your card; {contract.freelancer.name} is paid the bonus of {formatMoney(q.clientFee.amountMinor)}.</p>
            </ConfirmPanel>
          ) : (
            <p className="text-sm text-slate-600">Getting the fee from the server…</p>
          )
        ) : (
          <Button type="submit" variant="secondary">Review bonus</Button>
        )}
        <FormAlert message={serverProblems(pay.error, SERVER_FIELDS).alert} />
        {pay.data && <Alert tone="success">Bonus paid: {formatMoney(pay.data.chargedMinor)} charged; {formatMoney(pay.data.payment.netMinor)} to the freelancer.</Alert>}
      </form>
    </Card>
  );
}
