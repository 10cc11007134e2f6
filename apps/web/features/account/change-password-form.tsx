"use client";

import { TEXT_RULES } from "@fairlance/rules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, FormAlert } from "@/components/ui";
import { problemsOf, readText, serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { FormField } from "@/features/shared/form-fields";
import { useTRPC } from "@/trpc/client";

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

function parsePasswords(values: PasswordValues) {
  const check = problemsOf<PasswordValues>();
  const currentPassword = check.take("currentPassword", readText(values.currentPassword, TEXT_RULES.currentPassword));
  const newPassword = check.take("newPassword", readText(values.newPassword, TEXT_RULES.newPassword));
  if (values.repeatPassword !== values.newPassword) check.add("repeatPassword", "The two new passwords are not the same. Type the new one again.");
  return check.done(() => ({ currentPassword: currentPassword!, newPassword: newPassword! }));
}

// Which field a refusal from the service is about; anything else (a wait, a conflict) goes above the button.
const SERVER_FIELDS: ServerFields<PasswordValues> = {
  fields: { currentPassword: "currentPassword", newPassword: "newPassword" },
  codes: { INVALID_CREDENTIALS: "currentPassword", WEAK_PASSWORD: "newPassword" },
};

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const form = useRulesForm(parsePasswords, { currentPassword: "", newPassword: "", repeatPassword: "" });
  const queryClient = useQueryClient();
  const change = useMutation(
    trpc.me.changePassword.mutationOptions({
      onSuccess: async (result) => {
        // Every other session has ended. This one stays, unless it began before session rows: then sign out and back in.
        if (!result.keptThisSession) return (await import("next-auth/react")).signOut({ callbackUrl: "/sign-in?changed=1" });
        form.reset({ currentPassword: "", newPassword: "", repeatPassword: "" });
        await queryClient.invalidateQueries(trpc.account.get.queryFilter());
      },
    }),
  );
  useOnEdit(form, () => { if (!change.isSuccess || change.data.keptThisSession) change.reset(); });
  const submit = form.handleSubmit((passwords) => change.mutate(passwords, { onError: (error) => showServerProblems(form, error, SERVER_FIELDS) }));

  return (
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      <FormField form={form} name="currentPassword" label="Current password" id="current-password" type="password" autoComplete="current-password" />
      <FormField
        form={form}
        name="newPassword"
        label="New password"
        id="new-password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters; not a common password, a pattern like 1234567890, your email or your name."
      />
      <FormField form={form} name="repeatPassword" label="Repeat the new password" id="repeat-password" type="password" autoComplete="new-password" />
      <FormAlert message={serverProblems(change.error, SERVER_FIELDS).alert} />
      {change.isSuccess && (
        <Alert tone="success">
          {change.data.keptThisSession ? "Your password was changed, and every other browser was signed out." : "Your password was changed. Signing you out…"}
        </Alert>
      )}
      <Button type="submit" disabled={change.isPending || (change.isSuccess && !change.data.keptThisSession)}>
        {change.isPending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
