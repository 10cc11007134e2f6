"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field } from "@/components/ui";
import { domainCode } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";

type Role = "CLIENT" | "FREELANCER";

const ROLE_CHOICES: { value: Role; title: string; body: string }[] = [
  { value: "FREELANCER", title: "I want to work", body: "Find jobs, send proposals, get paid through escrow." },
  { value: "CLIENT", title: "I want to hire", body: "Post jobs, hire freelancers, pay for approved work." },
];

export function SignUpForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const params = useSearchParams();
  const [role, setRole] = useState<Role>(params.get("role") === "CLIENT" ? "CLIENT" : "FREELANCER");
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const [signInError, setSignInError] = useState<string | null>(null);
  const fieldErrors = (signUp.error?.data as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors ?? {};
  // The password policy's refusal is about the password: it goes beside that field.
  const passwordError = fieldErrors.password?.[0] ?? (domainCode(signUp.error) === "WEAK_PASSWORD" ? signUp.error?.message : undefined);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    const user = await signUp.mutateAsync({ name: String(form.get("name") ?? ""), email, password, role }).catch(() => null);
    if (!user) return;
    // next-auth's client loads when it is needed, not with the page (first-load JavaScript).
    const { signIn } = await import("next-auth/react");
    const result = await signIn("credentials", { email, password, redirect: false });
    if (result?.error) {
      setSignInError(result.error);
      router.replace("/sign-in?registered=1");
      return;
    }
    router.replace("/dashboard");
    router.refresh();
  }

  const formError = signUp.error && !Object.keys(fieldErrors).length && !passwordError ? signUp.error.message : signInError;

  return (
    <form method="post" onSubmit={onSubmit} className="space-y-5" noValidate>
      {formError && <Alert>{formError}</Alert>}
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">How will you use Fairlance?</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {ROLE_CHOICES.map((choice) => (
            <label
              key={choice.value}
              className={`cursor-pointer rounded-lg border p-3 text-sm ${role === choice.value ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"}`}
            >
              <input
                type="radio"
                name="role"
                value={choice.value}
                checked={role === choice.value}
                onChange={() => setRole(choice.value)}
                className="mr-2"
              />
              <span className="font-semibold">{choice.title}</span>
              <span className="mt-1 block text-slate-600">{choice.body}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Full name" id="name" name="name" autoComplete="name" required error={fieldErrors.name?.[0]} />
      <Field label="Email" id="email" name="email" type="email" autoComplete="email" required error={fieldErrors.email?.[0]} />
      <Field
        label="Password"
        id="password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters; not a common password, a pattern like 1234567890, your email or your name."
        error={passwordError}
      />
      <Button type="submit" disabled={signUp.isPending} className="w-full">
        {signUp.isPending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
