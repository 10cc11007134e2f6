"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, Button, Card, Field } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatMoney, readMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";
import { ConfirmPanel } from "./confirm-panel";
import { formatRate } from "./format";
import { MoneyRows } from "./money-rows";
import type { ContractView } from "./types";
import { useAfterSuccess } from "./use-after-success";
import { useDebounced } from "@/lib/use-debounced";

/** A bonus (economy.md §3.6): the server quotes the client fee, the total charged and what the freelancer receives before paying. */
export function BonusForm({ contract }: { contract: ContractView }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const [amount, setAmount] = useState("");
  const [confirming, setConfirming] = useState(false);
  const money = readMoney(useDebounced(amount));
  const amountMinor = money.ok && money.minor > 0n ? money.minor : null;
  const quote = useQuery({ ...trpc.contract.bonusQuote.queryOptions({ contractId: contract.id, amountMinor: amountMinor ?? 1n }), enabled: amountMinor !== null });
  const pay = useMutation(trpc.contract.payBonus.mutationOptions({ onSuccess: async () => { setAmount(""); setConfirming(false); await done(); } }));
  const ready = amountMinor !== null && quote.data && quote.data.clientFee.amountMinor === amountMinor;

  return (
    <Card title="Pay a bonus">
      <div className="space-y-3" aria-live="polite">
        <Field label="Bonus amount (USD)" id="bonus-amount" inputMode="decimal" value={amount} onChange={(e) => { setAmount(e.target.value); setConfirming(false); }} error={amount && !money.ok ? money.error : undefined} />
        {ready && quote.data && (
          <MoneyRows
            rows={[
              { label: "Bonus", minor: quote.data.clientFee.amountMinor },
              { label: `Client marketplace fee (${formatRate(contract.clientFeeBps)})`, minor: quote.data.clientFee.feeMinor },
              { label: "Total charged to your card", minor: quote.data.clientFee.totalMinor, strong: true },
            ]}
          />
        )}
        <ErrorAlert error={quote.error} />
        {confirming && ready && quote.data ? (
          <ConfirmPanel title="Pay this bonus" confirmLabel={`Pay ${formatMoney(quote.data.clientFee.totalMinor)}`} onConfirm={() => pay.mutate({ idempotencyKey: key, contractId: contract.id, amountMinor: quote.data.clientFee.amountMinor })} onCancel={() => setConfirming(false)} pending={pay.isPending}>
            <p>{formatMoney(quote.data.clientFee.totalMinor)} is charged to your card; {contract.freelancer.name} is paid the bonus of {formatMoney(quote.data.clientFee.amountMinor)}.</p>
          </ConfirmPanel>
        ) : (
          <Button type="button" variant="secondary" disabled={!ready} onClick={() => setConfirming(true)}>Review bonus</Button>
        )}
        <ErrorAlert error={pay.error} />
        {pay.data && <Alert tone="success">Bonus paid: {formatMoney(pay.data.chargedMinor)} charged; {formatMoney(pay.data.payment.netMinor)} to the freelancer.</Alert>}
      </div>
    </Card>
  );
}
