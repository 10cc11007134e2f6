import type { Metadata } from "next";
import { Alert } from "@/components/ui";
import { VerifyEmailButton } from "@/features/auth/verify-email-button";
import { getSession } from "@/server/auth";
import { Providers } from "@/app/providers";

// The link's token is in this page's address: no other site is told it (Referer).
export const metadata: Metadata = { title: "Confirm your email", referrer: "no-referrer" };

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The "Confirm your email" link's page: nothing changes until the person presses the button (a POST). */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const [{ token }, session] = await Promise.all([searchParams, getSession()]);
  const valid = typeof token === "string" && TOKEN.test(token);
  return (
    <div className="mx-auto max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="mb-6 text-2xl font-bold">Confirm your email</h1>
      {valid ? (
        <>
          <p className="mb-4 text-sm text-slate-700">Press the button to confirm that this email address is yours.</p>
          <Providers>
            <VerifyEmailButton token={token} signedIn={session !== null} />
          </Providers>
        </>
      ) : (
        <Alert tone="warning">This page needs the whole link from the email we sent. Open it again, or send a new one from your Account page.</Alert>
      )}
    </div>
  );
}
