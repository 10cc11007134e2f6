"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Button } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";

/** Writes a message; tells the sender when the scam shield flagged it. */
export function MessageComposer({ refTo }: { refTo: { proposalId?: string; contractId?: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const [body, setBody] = useState("");
  const send = useMutation(
    trpc.message.send.mutationOptions({
      onSuccess: async () => {
        renew();
        setBody("");
        await queryClient.invalidateQueries(trpc.message.list.queryFilter(refTo));
      },
    }),
  );
  const id = `message-${refTo.proposalId ?? refTo.contractId}`;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (body.trim()) send.mutate({ ...refTo, idempotencyKey: key, body });
  }
  const flagged = send.data && send.data.flags.length > 0 ? send.data : null;
  return (
    <form onSubmit={submit} className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">Write a message</label>
      <textarea id={id} rows={3} value={body} onChange={(event) => setBody(event.target.value)} className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm" />
      <div aria-live="polite" className="space-y-2">
        <ErrorAlert error={send.error} />
        {flagged && (
          <Alert tone="warning">
            Your message was flagged by the scam shield ({flagged.recipientWarning?.matches.map((match) => match.label).join(", ")}). The other person sees a
            warning, and our team may review it. Keep contact and payments on Fairlance.
          </Alert>
        )}
      </div>
      <Button type="submit" disabled={send.isPending || !body.trim()}>{send.isPending ? "Sending…" : "Send message"}</Button>
    </form>
  );
}
