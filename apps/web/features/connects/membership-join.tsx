"use client";

import { useState } from "react";
import { Money } from "@/components/money";
import { Button, Skeleton } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDate } from "@/lib/format";
import { CardChoice } from "./card-choice";
import { cardLabel, useCheckout } from "./use-checkout";
import { formatConnects } from "@fairlance/rules";

/** Subscribing: the server's quote (charge now, connects now, cycle end) on the chosen card, then confirm. */
export function MembershipJoin({ pending, error, onSubscribe }: { pending: boolean; error: unknown; onSubscribe: (paymentMethodId: string) => void }) {
  const checkout = useCheckout();
  const [cardId, setCardId] = useState("");
  const [confirming, setConfirming] = useState(false);
  if (checkout.isPending) return <Skeleton className="h-16 w-full" />;
  if (checkout.isError) return <ErrorAlert error={checkout.error} />;
  const { cards, unverifiedCards, membershipQuote: quote } = checkout.data;
  const card = cards.find((candidate) => candidate.id === cardId) ?? cards[0];
  if (!quote) return null;
  return (
    <div className="space-y-2">
      <CardChoice id="plus-pay-with" cards={cards} unverifiedCards={unverifiedCards} value={card?.id ?? ""} onChange={(value) => { setCardId(value); setConfirming(false); }} />
      <ErrorAlert error={error} />
      {card && (confirming ? (
        <div className="space-y-2 rounded-md border border-brand-100 bg-brand-50 p-3" data-testid="plus-confirm">
          {quote.resumes ? (
            <p>Your cancelled membership resumes at no charge; it renews on {formatDate(quote.cycleEndsAt)}.</p>
          ) : (
            <p>
              {cardLabel(card)} will be charged <strong><Money minor={quote.chargeMinor} /></strong> now and <strong>{formatConnects(quote.connects)}</strong> are added.
              This cycle ends on {formatDate(quote.cycleEndsAt)}; then it renews monthly until you cancel.
            </p>
          )}
          <div className="flex gap-2">
            <Button onClick={() => onSubscribe(card.id)} disabled={pending}>{pending ? "Subscribing…" : quote.resumes ? "Resume Freelancer Plus" : "Pay and subscribe"}</Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>Cancel</Button>
          </div>
        </div>
      ) : (
        <Button onClick={() => setConfirming(true)}>{quote.resumes ? "Resume Freelancer Plus" : "Upgrade to Freelancer Plus"}</Button>
      ))}
    </div>
  );
}
