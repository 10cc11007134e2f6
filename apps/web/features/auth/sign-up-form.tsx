"use client";

import { TEXT_RULES } from "@fairlance/rules";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { Alert, Button } from "@/components/ui";
import { problemsOf, readEmail, readText, serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { FormField } from "@/features/shared/form-fields";
import { useTRPC } from "@/trpc/client";

type Role = "CLIENT" | "FREELANCER";

const ROLE_CHOICES: { value: Role; title: string; body: string }[] = [
  { value: "FREELANCER", title: "I want to work", body: "Find jobs, send proposals, get paid through escrow." },
  { value: "CLIENT", title: "I want to hire", body: "Post jobs, hire freelancers, pay for approved work." },
];

interface SignUpValues {
  role: Role;
  name: string;
  email: string;
  password: string;
}

/** The sign-up as `auth.signUp` takes it; the password's length here, the rest of its policy on the server (beside the field too). */
function parseSignUp(values: SignUpValues) {
  const check = problemsOf<SignUpValues>();
  const name = check.take("name", readText(values.name, TEXT_RULES.personName));
  const email = check.take("email", readEmail(values.email));
  const password = check.take("password", readText(values.password, TEXT_RULES.newPassword));
  return check.done(() => ({ role: values.role, name: name!, email: email!, password: password! }));
}

// The password policy's refusal is about the password, an address in use about the email: beside those fields.
const SERVER_FIELDS: ServerFields<SignUpValues> = { fields: { name: "name", email: "email", password: "password", role: "role" }, codes: { WEAK_PASSWORD: "password", EMAIL_TAKEN: "email" } };

export function SignUpForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const params = useSearchParams();
  const form = useRulesForm(parseSignUp, { role: params.get("role") === "CLIENT" ? "CLIENT" : "FREELANCER", name: "", email: "", password: "" });
  const role = useWatch({ control: form.control, name: "role" });
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const [signInError, setSignInError] = useState<string | null>(null);
  useOnEdit(form, () => { signUp.reset(); setSignInError(null); });

  const onSubmit = form.handleSubmit(async (input) => {
    const user = await signUp.mutateAsync(input).catch((error: unknown) => {
      showServerProblems(form, error, SERVER_FIELDS);
      return null;
    });
    if (!user) return;
    // next-auth's client loads when it is needed, not with the page (first-load JavaScript).
    const { signIn } = await import("next-auth/react");
    const result = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    if (result?.error) {
      setSignInError(result.error);
      router.replace("/sign-in?registered=1");
      return;
    }
    router.replace("/dashboard");
    router.refresh();
  });

  const formError = serverProblems(signUp.error, SERVER_FIELDS).alert ?? signInError;

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
              <input type="radio" value={choice.value} {...form.register("role")} className="mr-2" />
              <span className="font-semibold">{choice.title}</span>
              <span className="mt-1 block text-slate-600">{choice.body}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <FormField form={form} name="name" label="Full name" id="name" autoComplete="name" />
      <FormField form={form} name="email" label="Email" id="email" type="email" autoComplete="email" />
      <FormField
        form={form}
        name="password"
        label="Password"
        id="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters; not a common password, a pattern like 1234567890, your email or your name."
      />
      <Button type="submit" disabled={form.formState.isSubmitting} className="w-full">
        {form.formState.isSubmitting ? "Creating your account…" : "Create account"}
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
