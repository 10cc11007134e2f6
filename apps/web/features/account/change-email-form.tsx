"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, FormAlert } from "@/components/ui";
import { serverProblems, showServerProblems, useOnEdit, useRulesForm } from "@/features/shared/form";
import { FormField } from "@/features/shared/form-fields";
import { useTRPC } from "@/trpc/client";
import { EMAIL_SERVER_FIELDS, parseEmailChange } from "./account-forms";

/** A new email (economy.md §13): the link goes to the new address; the email changes when it is followed. */
export function ChangeEmailForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useRulesForm(parseEmailChange, { newEmail: "", currentPassword: "" });
  const change = useMutation(
    trpc.account.changeEmail.mutationOptions({
      onSuccess: async () => {
        form.reset({ newEmail: "", currentPassword: "" });
        await queryClient.invalidateQueries(trpc.account.get.queryFilter());
      },
    }),
  );
  useOnEdit(form, () => change.reset());
  const submit = form.handleSubmit((input) => change.mutate(input, { onError: (error) => showServerProblems(form, error, EMAIL_SERVER_FIELDS) }));
  return (
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      <FormField form={form} name="newEmail" label="New email" id="new-email" type="email" autoComplete="email" />
      <FormField form={form} name="currentPassword" label="Your password" id="email-current-password" type="password" autoComplete="current-password" />
      <FormAlert message={serverProblems(change.error, EMAIL_SERVER_FIELDS).alert} />
      {change.isSuccess && (
        <Alert tone="success">
          We sent a link to {change.data.pendingEmail}. Your email changes when you follow it (within 48 hours); until then you sign in with your current one.
        </Alert>
      )}
      <Button type="submit" disabled={change.isPending}>
        {change.isPending ? "Sending…" : "Change email"}
      </Button>
    </form>
  );
}
