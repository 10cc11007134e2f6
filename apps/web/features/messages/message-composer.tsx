"use client";

import { TEXT_RULES } from "@fairlance/rules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, FormAlert } from "@/components/ui";
import { problemsOf, readText, serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { fieldErrors } from "@/features/shared/error-text";
import { FormTextArea } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";
import { AttachmentPicker, useAttachments } from "./attachments";

interface MessageValues {
  body: string;
}

function parseMessage(values: MessageValues) {
  const check = problemsOf<MessageValues>();
  const body = check.take("body", readText(values.body, TEXT_RULES.message));
  return check.done(() => ({ body: body! }));
}

const SERVER_FIELDS: ServerFields<MessageValues> = { fields: { body: "body" } };

/** Writes a message, with files if the sender attaches some; tells the sender when the scam shield flagged it. */
export function MessageComposer({ refTo }: { refTo: { proposalId?: string; contractId?: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const form = useRulesForm(parseMessage, { body: "" });
  const attachments = useAttachments();
  const send = useMutation(
    trpc.message.send.mutationOptions({
      onSuccess: async () => {
        renew();
        form.reset({ body: "" });
        attachments.clear();
        await Promise.all([queryClient.invalidateQueries(trpc.message.list.queryFilter(refTo)), queryClient.invalidateQueries(trpc.message.inbox.pathFilter())]);
      },
    }),
  );
  // A new message clears what was said about the last one (its flag, or a refusal).
  useOnEdit(form, () => { if (send.isError) send.reset(); });
  const id = `message-${refTo.proposalId ?? refTo.contractId}`;
  const submit = form.handleSubmit(({ body }) =>
    send.mutate(
      { ...refTo, idempotencyKey: key, body, ...(attachments.ids.length > 0 ? { attachmentIds: attachments.ids } : {}) },
      { onError: (error) => showServerProblems(form, error, SERVER_FIELDS) },
    ),
  );
  // A refusal of the files is said under the file field, not again in the form's alert.
  const filesProblem = fieldErrors(send.error).attachmentIds?.[0] ?? null;
  const alert = serverProblems(send.error, SERVER_FIELDS).alert;
  const flagged = send.data && send.data.flags.length > 0 ? send.data : null;
  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <FormTextArea form={form} name="body" id={id} label="Write a message" rows={3} limit={TEXT_RULES.message.max} />
      <AttachmentPicker id={`${id}-files`} attachments={attachments} serverError={filesProblem} />
      <div aria-live="polite" className="space-y-2">
        <FormAlert message={alert === filesProblem ? null : alert} />
        {flagged && (
          <Alert tone="warning">
            Your message was flagged by the scam shield ({flagged.recipientWarning?.matches.map((match) => match.label).join(", ")}). The other person sees a
            warning, and our team may review it. Keep contact and payments on Fairlance.
          </Alert>
        )}
      </div>
      <Button type="submit" disabled={send.isPending || attachments.uploading}>{send.isPending ? "Sending…" : "Send message"}</Button>
    </form>
  );
}

