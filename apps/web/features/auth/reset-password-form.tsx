"use client";

import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, FormAlert } from "@/components/ui";
import { NEW_PASSWORD_SERVER_FIELDS, parseNewPassword } from "@/features/account/account-forms";
import { serverProblems, showServerProblems, useOnEdit, useRulesForm } from "@/features/shared/form";
import { FormField } from "@/features/shared/form-fields";
import { useTRPC } from "@/trpc/client";

/** A new password from the emailed link, typed twice; on success every session of the person has ended. */
export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const form = useRulesForm(parseNewPassword, { password: "", repeatPassword: "" });
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions({ onSuccess: () => form.reset({ password: "", repeatPassword: "" }) }));
  useOnEdit(form, () => {
    if (!reset.isSuccess) reset.reset();
  });
  const submit = form.handleSubmit(({ password }) => reset.mutate({ token, password }, { onError: (error) => showServerProblems(form, error, NEW_PASSWORD_SERVER_FIELDS) }));
  if (reset.isSuccess) {
    return (
      <div className="space-y-4">
        <Alert tone="success">Your password was changed, and every browser signed in to {reset.data.email} was signed out. Sign in with the new password.</Alert>
        <Link href="/sign-in" className="inline-block font-medium text-brand-700 hover:underline">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      <FormField
        form={form}
        name="password"
        label="New password"
        id="reset-password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters; not a common password, a pattern like 1234567890, your email or your name."
      />
      <FormField form={form} name="repeatPassword" label="Repeat the new password" id="reset-repeat-password" type="password" autoComplete="new-password" />
      <FormAlert message={serverProblems(reset.error, NEW_PASSWORD_SERVER_FIELDS).alert} />
      <Button type="submit" disabled={reset.isPending} className="w-full">
        {reset.isPending ? "Saving…" : "Save the new password"}
      </Button>
    </form>
  );
}
