"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";

/**
 * "Confirm my email": one click, so that opening the link (a mail scanner, a prefetch) confirms
 * nothing by itself; the confirmation is a POST.
 */
export function VerifyEmailButton({ token, signedIn }: { token: string; signedIn: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const verify = useMutation(trpc.auth.verifyEmail.mutationOptions({ onSuccess: () => router.refresh() }));
  if (verify.isSuccess) {
    return (
      <div className="space-y-4">
        <Alert tone="success">
          {verify.data.changed ? `Your account now uses ${verify.data.email}, and it is confirmed.` : `Your email ${verify.data.email} is confirmed.`}
        </Alert>
        <Link href={signedIn ? "/dashboard" : "/sign-in"} className="inline-block font-medium text-brand-700 hover:underline">
          {signedIn ? "Go to your dashboard" : "Sign in"}
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <ErrorAlert error={verify.error} />
      <Button type="button" className="w-full" onClick={() => verify.mutate({ token })} disabled={verify.isPending}>
        {verify.isPending ? "Confirming…" : "Confirm my email"}
      </Button>
    </div>
  );
}
