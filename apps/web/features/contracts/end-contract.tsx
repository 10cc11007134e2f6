"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Money } from "@/components/money";
import { TEXT_RULES } from "@fairlance/rules";
import { Button, Card, FormAlert } from "@/components/ui";
import { parseOneText, serverProblems, showServerProblems, useRulesForm } from "@/features/shared/form";
import { FormField } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";
import { ConfirmPanel } from "./confirm-panel";
import type { ContractView } from "./types";
import { useNotice } from "./notice";
import { useAfterSuccess } from "./use-after-success";
import { formatCount } from "@fairlance/rules";

/**
 * Either side ends the contract (economy.md §3.3). Money in escrow: the client may release it all,
 * the freelancer may give it all back; otherwise each milestone keeps its own rules, said here
 * before anyone confirms.
 */
export function EndContract({ contract }: { contract: ContractView }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const [open, setOpen] = useState(false);
  const form = useRulesForm(parseOneText(TEXT_RULES.endReason), { text: "" });
  const [release, setRelease] = useState(false);
  const [giveBack, setGiveBack] = useState(false);
  const notify = useNotice();
  const end = useMutation(trpc.contract.end.mutationOptions({ onSuccess: async () => { setOpen(false); notify("The contract has ended."); await done(); } }));
  const isClient = contract.viewerRole === "CLIENT";
  const hasEscrow = contract.escrowMinor > 0n;
  return (
    <Card title="End the contract">
      <div className="space-y-3" aria-live="polite">
        {open ? (
          <ConfirmPanel title="End this contract" confirmLabel="End contract" onConfirm={form.handleSubmit((reason) => end.mutate({ idempotencyKey: key, contractId: contract.id, reason, releaseEscrow: isClient && release, refundEscrow: !isClient && giveBack }, { onError: (error) => showServerProblems(form, error, { fields: { reason: "text" } }) }))} onCancel={() => setOpen(false)} pending={end.isPending}>
            <FormField form={form} name="text" id="end-reason" label="Why does it end?" limit={TEXT_RULES.endReason.max} />
            {hasEscrow && isClient && (
              <label className="mt-2 flex items-center gap-2">
                <input type="checkbox" checked={release} onChange={(e) => setRelease(e.target.checked)} />
                Release all the escrow to the freelancer (each milestone approved)
              </label>
            )}
            {hasEscrow && !isClient && (
              <label className="mt-2 flex items-center gap-2">
                <input type="checkbox" checked={giveBack} onChange={(e) => setGiveBack(e.target.checked)} />
                Give all the escrow back to the client
              </label>
            )}
            <p className="mt-2">
              {!hasEscrow ? (
                "Nothing is in escrow."
              ) : isClient && release ? (
                <>
                  <Money minor={contract.escrowMinor} /> in escrow is released to the freelancer (minus their service fee).
                </>
              ) : !isClient && giveBack ? (
                <>
                  <Money minor={contract.escrowMinor} /> in escrow goes back to the client&apos;s card, with its client fee.
                </>
              ) : isClient ? (
                <>
                  Of the <Money minor={contract.escrowMinor} /> in escrow, each funded milestone with no work submitted gets a refund request (the freelancer gives it back
                  or disputes within {formatCount(contract.refundRequestDays, "day")}; silence gives it back). Submitted work keeps its review: approve it, or dispute. Disputes stay open.
                </>
              ) : (
                <>
                  The <Money minor={contract.escrowMinor} /> in escrow stays where it is: the client may ask for unstarted work&apos;s escrow back, and submitted work keeps its review. Disputes stay open.
                </>
              )}
              {contract.type === "HOURLY" && " Hours logged this week are still invoiced on Monday."}
            </p>
          </ConfirmPanel>
        ) : (
          <Button type="button" variant="secondary" onClick={() => setOpen(true)}>End contract…</Button>
        )}
        <FormAlert message={serverProblems(end.error, { fields: { reason: "text" } }).alert} />
      </div>
    </Card>
  );
}
