"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Card, FormAlert } from "@/components/ui";
import { TEXT_RULES } from "@fairlance/rules";
import { ErrorAlert } from "@/features/shared/error-message";
import { parseOneText, serverProblems, showServerProblems, useRulesForm } from "@/features/shared/form";
import { FormField } from "@/features/shared/form-fields";
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
  const form = useRulesForm(parseOneText(TEXT_RULES.declineReason), { text: "" });
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
          <ConfirmPanel title="Decline this offer" confirmLabel="Decline offer" onConfirm={form.handleSubmit((reason) => decline.mutate({ ...ids, reason: reason || undefined }, { onError: (error) => showServerProblems(form, error, { fields: { reason: "text" } }) }))} onCancel={() => setDeclining(false)} pending={decline.isPending}>
            <FormField form={form} name="text" id="decline-reason" label="Reason (optional)" limit={TEXT_RULES.declineReason.max} />
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
        <ErrorAlert error={accept.error} />
        <FormAlert message={serverProblems(decline.error, { fields: { reason: "text" } }).alert} />
      </div>
    </Card>
  );
}
