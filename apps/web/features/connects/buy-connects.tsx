"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Money } from "@/components/money";
import { Alert, Button, Card, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { CardChoice } from "./card-choice";
import { cardLabel, useCheckout } from "./use-checkout";
import { formatConnects } from "@fairlance/rules";

/** Buy a bundle at the price in force, paid wholly by card (or from earnings when allowed); confirm shows the charge first. */
export function BuyConnects({ bundles }: { bundles: { size: number; priceMinor: bigint }[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const checkout = useCheckout();
  const { key, renew } = useIdempotencyKey();
  const [size, setSize] = useState(bundles[0]?.size ?? 0);
  const [payWith, setPayWith] = useState("");
  const [confirming, setConfirming] = useState(false);
  const buy = useMutation(
    trpc.connects.buy.mutationOptions({
      onSuccess: async () => { renew(); setConfirming(false); await queryClient.invalidateQueries(trpc.connects.pathFilter()); },
    }),
  );
  if (checkout.isPending) return <Card title="Buy connects"><Skeleton className="h-32 w-full" /></Card>;
  if (checkout.isError) return <Card title="Buy connects"><ErrorAlert error={checkout.error} /></Card>;
  const { cards, earningsAllowed, unverifiedCards } = checkout.data;
  const source = payWith || cards[0]?.id || (earningsAllowed ? "earnings" : "");
  const bundle = bundles.find((candidate) => candidate.size === size);
  const card = cards.find((candidate) => candidate.id === source);
  const change = (fn: () => void) => { fn(); setConfirming(false); buy.reset(); renew(); };

  return (
    <Card title="Buy connects">
      <fieldset className="space-y-2" disabled={buy.isPending}>
        <legend className="text-sm font-medium text-slate-800">Bundle</legend>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
          {bundles.map((option) => (
            <label key={option.size} className={`flex cursor-pointer flex-col rounded-md border p-2 text-sm ${option.size === size ? "border-brand-700 bg-brand-50" : "border-slate-300"}`}>
              <input type="radio" name="bundle" value={option.size} checked={option.size === size} onChange={() => change(() => setSize(option.size))} className="sr-only" />
              <span className="font-semibold">{formatConnects(option.size)}</span>
              <Money minor={option.priceMinor} className="text-slate-600" />
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-3">
        <CardChoice id="buy-pay-with" cards={cards} unverifiedCards={unverifiedCards} value={source} onChange={(value) => change(() => setPayWith(value))} earnings={earningsAllowed} />
      </div>
      <div className="mt-3 space-y-2" aria-live="polite">
        {buy.data && <Alert tone="success">{formatConnects(buy.data.connects)} added for <Money minor={buy.data.priceMinor} />. They expire on {formatDate(buy.data.expiresAt)}.</Alert>}
        <ErrorAlert error={buy.error} />
        {bundle && source && (confirming ? (
          <div className="space-y-2 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm">
            <p data-testid="buy-confirm">
              You will be charged <strong><Money minor={bundle.priceMinor} /></strong> for {formatConnects(bundle.size)}
              {card ? <> on {cardLabel(card)}</> : <> from your Available earnings</>}. Connects are never refunded as cash.
            </p>
            <div className="flex flex-wrap gap-2">
              <Button onClick={() => buy.mutate({ idempotencyKey: key, bundleSize: bundle.size, paidWith: card ? "card" : "earnings", paymentMethodId: card?.id })} disabled={buy.isPending}>
                {buy.isPending ? "Paying…" : "Pay and add connects"}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)} disabled={buy.isPending}>Cancel</Button>
            </div>
          </div>
        ) : (
          <Button onClick={() => { buy.reset(); setConfirming(true); }}>Buy {formatConnects(bundle.size)}</Button>
        ))}
      </div>
    </Card>
  );
}
