"use client";

import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, FormAlert } from "@/components/ui";
import { FORGOT_SERVER_FIELDS, parseForgot } from "@/features/account/account-forms";
import { serverProblems, showServerProblems, useOnEdit, useRulesForm } from "@/features/shared/form";
import { FormField } from "@/features/shared/form-fields";
import { useTRPC } from "@/trpc/client";

/** "Forgot your password": the same answer whether or not an account uses the address (economy.md §13). */
export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const form = useRulesForm(parseForgot, { email: "" });
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  useOnEdit(form, () => request.reset());
  const submit = form.handleSubmit((input) => request.mutate(input, { onError: (error) => showServerProblems(form, error, FORGOT_SERVER_FIELDS) }));
  return (
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      <p className="text-sm text-slate-700">Type the email you sign in with. If an account uses it, we email it a link to choose a new password.</p>
      <FormField form={form} name="email" label="Email" id="forgot-email" type="email" autoComplete="email" />
      <FormAlert message={serverProblems(request.error, FORGOT_SERVER_FIELDS).alert} />
      {request.isSuccess && <Alert tone="success">{request.data.message}</Alert>}
      <Button type="submit" disabled={request.isPending} className="w-full">
        {request.isPending ? "Sending…" : "Email me a link"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        Remembered it?{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
