"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Alert, Button } from "@/components/ui";
import { problemsOf, readEmail, useOnEdit, useRulesForm } from "@/features/shared/form";
import { FormField } from "@/features/shared/form-fields";

interface SignInValues {
  email: string;
  password: string;
}

function parseSignIn(values: SignInValues) {
  const check = problemsOf<SignInValues>();
  const email = check.take("email", readEmail(values.email));
  if (!values.password) check.add("password", "Enter your password.");
  return check.done(() => ({ email: email!, password: values.password }));
}

export function SignInForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const form = useRulesForm(parseSignIn, { email: "", password: "" });
  const pending = form.formState.isSubmitting;
  useOnEdit(form, () => setError(null));

  const onSubmit = form.handleSubmit(async ({ email, password }) => {
    setError(null);
    // next-auth's client loads when the form is sent, not with the page (first-load JavaScript).
    const { signIn } = await import("next-auth/react");
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result || result.error) {
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email or password.");
      return;
    }
    const next = params.get("callbackUrl");
    router.replace(next?.startsWith("/") ? next : "/dashboard");
    router.refresh();
  });

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate aria-describedby={error ? "sign-in-error" : undefined}>
      {params.get("registered") && !error && <Alert tone="success">Your account is ready. Sign in to continue.</Alert>}
      {params.get("changed") && !error && <Alert tone="success">Your password was changed; sign in with the new one.</Alert>}
      {error && (
        <div id="sign-in-error">
          <Alert>{error}</Alert>
        </div>
      )}
      <FormField form={form} name="email" label="Email" id="email" type="email" autoComplete="email" />
      <FormField form={form} name="password" label="Password" id="password" type="password" autoComplete="current-password" />
      <p className="-mt-2 text-right text-sm">
        <Link href="/forgot-password" className="font-medium text-brand-700 hover:underline">
          Forgot your password?
        </Link>
      </p>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        New to Fairlance?{" "}
        <Link href="/sign-up" className="font-medium text-brand-700 hover:underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
