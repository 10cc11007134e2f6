"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field } from "@/components/ui";
import { domainCode, errorText, fieldErrors } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";

// Which field a refusal from the service is about; anything else (a wait, a conflict) goes above the button.
const FIELD_OF: Record<string, "currentPassword" | "newPassword"> = { INVALID_CREDENTIALS: "currentPassword", WEAK_PASSWORD: "newPassword" };

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const [repeatError, setRepeatError] = useState<string | null>(null);
  const change = useMutation(
    trpc.me.changePassword.mutationOptions({
      // Every session has ended, this one too: sign out here and come back with the new password.
      onSuccess: async () => (await import("next-auth/react")).signOut({ callbackUrl: "/sign-in?changed=1" }),
    }),
  );
  const errors = fieldErrors(change.error);
  const field = FIELD_OF[domainCode(change.error) ?? ""];
  const errorOf = (name: "currentPassword" | "newPassword") => errors[name]?.[0] ?? (field === name ? errorText(change.error) : undefined);
  const formError = change.error && !field && !Object.keys(errors).length ? errorText(change.error) : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get("newPassword") ?? "");
    if (newPassword !== String(form.get("repeatPassword") ?? "")) return setRepeatError("The two new passwords are not the same. Type the new one again.");
    setRepeatError(null);
    change.mutate({ currentPassword: String(form.get("currentPassword") ?? ""), newPassword });
  };

  return (
    <form method="post" onSubmit={submit} className="space-y-4" noValidate>
      <Field label="Current password" id="current-password" name="currentPassword" type="password" autoComplete="current-password" required error={errorOf("currentPassword")} />
      <Field
        label="New password"
        id="new-password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters; not a common password, a pattern like 1234567890, your email or your name."
        error={errorOf("newPassword")}
      />
      <Field label="Repeat the new password" id="repeat-password" name="repeatPassword" type="password" autoComplete="new-password" required error={repeatError ?? undefined} />
      {formError && <Alert>{formError}</Alert>}
      {change.isSuccess && <Alert tone="success">Your password was changed. Signing you out…</Alert>}
      <Button type="submit" disabled={change.isPending || change.isSuccess}>
        {change.isPending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
