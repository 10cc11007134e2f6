import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { SignUpForm } from "@/features/auth/sign-up-form";
import { getSession } from "@/server/auth";
import { Providers } from "@/app/providers";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage() {
  if (await getSession()) redirect("/dashboard");
  return (
    <div className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="mb-6 text-2xl font-bold">Create your Fairlance account</h1>
      <Suspense>
        <Providers>
          <SignUpForm />
        </Providers>
      </Suspense>
    </div>
  );
}
