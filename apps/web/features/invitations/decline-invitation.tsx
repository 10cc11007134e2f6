"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { TEXT_RULES } from "@fairlance/rules";
import { Button, FormAlert } from "@/components/ui";
import { parseOneText, serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields, type TextValues } from "@/features/shared/form";
import { FormTextArea } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";

const SERVER_FIELDS: ServerFields<TextValues> = { fields: { reason: "text" } };

/** Decline, in a confirm step with an optional reason the client reads (at most TEXT_RULES.declineInvitationReason.max). */
export function DeclineInvitation({ invitationId, jobTitle }: { invitationId: string; jobTitle: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const { key, renew } = useIdempotencyKey();
  const form = useRulesForm(parseOneText(TEXT_RULES.declineInvitationReason), { text: "" });
  const decline = useMutation(
    trpc.invitation.decline.mutationOptions({
      onSuccess: async () => {
        renew();
        await queryClient.invalidateQueries(trpc.invitation.pathFilter());
      },
    }),
  );
  useOnEdit(form, () => { decline.reset(); renew(); });
  if (!confirming) {
    return <Button variant="danger-secondary" onClick={() => setConfirming(true)}>Decline<span className="sr-only"> the invitation to {jobTitle}</span></Button>;
  }
  return (
    <form
      noValidate
      aria-label={`Decline the invitation to ${jobTitle}`}
      className="w-full space-y-3 rounded-md border border-red-200 bg-red-50/40 p-3"
      onSubmit={form.handleSubmit((reason) =>
        decline.mutate({ invitationId, idempotencyKey: key, ...(reason ? { reason } : {}) }, { onError: (error) => showServerProblems(form, error, SERVER_FIELDS) }),
      )}
    >
      <p className="text-sm font-medium text-slate-900">Decline the invitation to “{jobTitle}”? The client sees your answer; you cannot undo it.</p>
      <FormTextArea form={form} name="text" id={`decline-${invitationId}`} label="Reason (optional)" rows={2} limit={TEXT_RULES.declineInvitationReason.max} hint="For example: fully booked this month." />
      <FormAlert message={serverProblems(decline.error, SERVER_FIELDS).alert} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={decline.isPending}>{decline.isPending ? "Declining…" : "Decline invitation"}</Button>
        <Button type="button" variant="ghost" disabled={decline.isPending} onClick={() => { setConfirming(false); decline.reset(); form.reset(); }}>Keep it</Button>
      </div>
    </form>
  );
}
