"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Money } from "@/components/money";
import { Alert, Button, Card } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { MembershipJoin } from "./membership-join";
import { formatConnects } from "@fairlance/rules";

interface Membership {
  status: "NONE" | "ACTIVE" | "CANCELLED" | "LAPSED";
  activeUntil: Date | null;
  nextGrantAt: Date | null;
  monthlyConnects: number;
  priceMinor: bigint;
  rolloverCap: number | null;
}

/** Freelancer Plus: the exact price and connects before subscribing, the next grant and the rollover cap, cancelling. */
export function MembershipCard({ membership }: { membership: Membership }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const { key, renew } = useIdempotencyKey();
  const refresh = () => queryClient.invalidateQueries(trpc.connects.pathFilter());
  const cancel = useMutation(trpc.connects.cancelMembership.mutationOptions({ onSuccess: async () => { setConfirmCancel(false); await refresh(); } }));
  const subscribe = useMutation(trpc.connects.subscribe.mutationOptions({ onSuccess: async () => { renew(); await refresh(); } }));
  const cap = membership.rolloverCap === null ? "no cap on unspent connects" : `unspent connects above ${membership.rolloverCap} expire at each renewal`;

  return (
    <Card title="Freelancer Plus">
      <p className="text-sm text-slate-700">
        <Money minor={membership.priceMinor} /> a month for {formatConnects(membership.monthlyConnects)} each month; {cap}.
      </p>
      <div className="mt-3 space-y-3 text-sm" aria-live="polite">
        {subscribe.data && (
          <Alert tone="success">
            {subscribe.data.outcome === "resumed" ? "Freelancer Plus resumed" : <>Welcome to Freelancer Plus: charged <Money minor={subscribe.data.chargedMinor} />, {formatConnects(subscribe.data.connectsGranted)} added</>}.
            It renews on {formatDate(subscribe.data.currentPeriodEnd)}.
          </Alert>
        )}
        {membership.status === "ACTIVE" && (
          <>
            <p>Your next {formatConnects(membership.monthlyConnects)} arrive on <strong>{membership.nextGrantAt ? formatDate(membership.nextGrantAt) : "—"}</strong>, when it renews.</p>
            {confirmCancel ? (
              <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3">
                <p>Plus stays on until {membership.nextGrantAt ? formatDate(membership.nextGrantAt) : "the end of this cycle"}, with your connects; then it does not renew. Nothing is refunded.</p>
                <ErrorAlert error={cancel.error} />
                <div className="flex gap-2">
                  <Button onClick={() => cancel.mutate()} disabled={cancel.isPending}>Cancel Freelancer Plus</Button>
                  <Button variant="secondary" onClick={() => setConfirmCancel(false)}>Keep it</Button>
                </div>
              </div>
            ) : (
              <Button variant="secondary" onClick={() => setConfirmCancel(true)}>Cancel membership…</Button>
            )}
          </>
        )}
        {membership.status === "CANCELLED" && membership.activeUntil && <p>Cancelled: Plus stays on until {formatDate(membership.activeUntil)}, then ends.</p>}
        {membership.status !== "ACTIVE" && <MembershipJoin pending={subscribe.isPending} error={subscribe.error} onSubscribe={(paymentMethodId) => subscribe.mutate({ idempotencyKey: key, paymentMethodId })} />}
      </div>
    </Card>
  );
}
