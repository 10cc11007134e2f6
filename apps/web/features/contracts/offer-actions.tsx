"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Card } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { ConfirmPanel } from "./confirm-panel";
import type { ContractView } from "./types";
import { useNotice } from "./notice";
import { useAfterSuccess } from "./use-after-success";

/** The freelancer accepts or declines an offer (the fee preview of each milestone is shown below it). */
export function OfferActions({ contract }: { contract: ContractView }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const notify = useNotice();
  const accept = useMutation(trpc.contract.accept.mutationOptions({ onSuccess: async () => { notify("Offer accepted: the contract is active."); await done(); } }));
  const decline = useMutation(trpc.contract.decline.mutationOptions({ onSuccess: async () => { notify("Offer declined."); await done(); } }));
  const ids = { idempotencyKey: key, contractId: contract.id };
  return (
    <Card title={`Offer from ${contract.client.name}`}>
      <div className="space-y-3" aria-live="polite">
        <p className="text-sm text-slate-700" data-testid="offer-expiry">
          Answer by <strong>{formatDateTime(contract.offerExpiresAt)}</strong>: an offer not accepted by then expires, and anything the client funded is refunded to them.
        </p>
        <p className="text-sm text-slate-700">
          Accepting makes the contract active. {contract.type === "FIXED" ? "Open each milestone's “What you receive” to see your net after the service fee." : ""}
        </p>
        {declining ? (
          <ConfirmPanel title="Decline this offer" confirmLabel="Decline offer" onConfirm={() => decline.mutate({ ...ids, reason: reason || undefined })} onCancel={() => setDeclining(false)} pending={decline.isPending}>
            <label htmlFor="decline-reason" className="block font-medium">Reason (optional)</label>
            <input id="decline-reason" value={reason} onChange={(e) => setReason(e.target.value)} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2" />
            <p className="mt-1">Anything the client already funded is refunded to them.</p>
          </ConfirmPanel>
        ) : (
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={() => accept.mutate(ids)} disabled={accept.isPending}>
              {accept.isPending ? "Accepting…" : "Accept offer"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setDeclining(true)}>
              Decline
            </Button>
          </div>
        )}
        <ErrorAlert error={accept.error ?? decline.error} />
      </div>
    </Card>
  );
}
