import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui";
import { ResetPasswordForm } from "@/features/auth/reset-password-form";
import { Providers } from "@/app/providers";

// The link's token is in this page's address: no other site is told it (Referer).
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const valid = typeof token === "string" && TOKEN.test(token);
  return (
    <div className="mx-auto max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="mb-6 text-2xl font-bold">Choose a new password</h1>
      {valid ? (
        <Providers>
          <ResetPasswordForm token={token} />
        </Providers>
      ) : (
        <div className="space-y-4">
          <Alert tone="warning">This page needs the whole link from the email we sent. Open it again, or ask for a new one.</Alert>
          <Link href="/forgot-password" className="inline-block font-medium text-brand-700 hover:underline">
            Ask for a new link
          </Link>
        </div>
      )}
    </div>
  );
}
