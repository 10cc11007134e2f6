"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field } from "@/components/ui";

export function SignInForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    // next-auth's client loads when the form is sent, not with the page (first-load JavaScript).
    const { signIn } = await import("next-auth/react");
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email or password.");
      return;
    }
    const next = params.get("callbackUrl");
    router.replace(next?.startsWith("/") ? next : "/dashboard");
    router.refresh();
  }

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate aria-describedby={error ? "sign-in-error" : undefined}>
      {params.get("registered") && !error && <Alert tone="success">Your account is ready. Sign in to continue.</Alert>}
      {params.get("changed") && !error && <Alert tone="success">Your password was changed; sign in with the new one.</Alert>}
      {error && (
        <div id="sign-in-error">
          <Alert>{error}</Alert>
        </div>
      )}
      <Field label="Email" id="email" name="email" type="email" autoComplete="email" required />
      <Field label="Password" id="password" name="password" type="password" autoComplete="current-password" required />
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
