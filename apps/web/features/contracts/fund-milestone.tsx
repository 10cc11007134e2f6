"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";
import { ConfirmPanel } from "./confirm-panel";
import { formatRate } from "./format";
import { MoneyRows } from "./money-rows";
import type { MilestoneView } from "./types";
import { useNotice } from "./notice";
import { useAfterSuccess } from "./use-after-success";

/** The client funds a milestone: amount, client fee and the total charged are shown first (economy.md §0.6, §3.3). */
export function FundMilestone({ milestone, clientFeeBps }: { milestone: MilestoneView; clientFeeBps: number }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const [confirming, setConfirming] = useState(false);
  const notify = useNotice();
  const fund = useMutation(trpc.milestone.fund.mutationOptions({ onSuccess: async (funded) => { setConfirming(false); notify(`Funded "${milestone.title}": ${formatMoney(funded.chargedMinor)} was charged to your card.`); await done(); } }));
  const quote = milestone.fundQuote;
  if (!quote) return null;
  return (
    <div className="space-y-2" aria-live="polite">
      {confirming ? (
        <ConfirmPanel
          title={`Fund "${milestone.title}"`}
          confirmLabel={`Pay ${formatMoney(quote.totalMinor)}`}
          onConfirm={() => fund.mutate({ idempotencyKey: key, milestoneId: milestone.id })}
          onCancel={() => setConfirming(false)}
          pending={fund.isPending}
        >
          <MoneyRows
            rows={[
              { label: "Milestone, held in escrow", minor: quote.amountMinor },
              { label: `Client marketplace fee (${formatRate(clientFeeBps)})`, minor: quote.feeMinor },
              { label: "Total charged to your card", minor: quote.totalMinor, strong: true },
            ]}
          />
          <p className="mt-2 text-slate-600">The escrow is paid to the freelancer only when you approve the work (or refunded to your card).</p>
        </ConfirmPanel>
      ) : (
        <Button type="button" onClick={() => setConfirming(true)}>
          Fund milestone
        </Button>
      )}
      <ErrorAlert error={fund.error} />
    </div>
  );
}
