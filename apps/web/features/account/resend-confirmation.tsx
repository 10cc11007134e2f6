"use client";

import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui";
import { errorText } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";

/** "Send the link again": a new "Confirm your email" link (5 an hour; economy.md §13). */
export function ResendConfirmation({ variant = "secondary" }: { variant?: "primary" | "secondary" }) {
  const trpc = useTRPC();
  const resend = useMutation(trpc.account.resendVerification.mutationOptions());
  return (
    <div className="mt-2 flex flex-wrap items-center gap-3">
      <Button type="button" variant={variant} onClick={() => resend.mutate()} disabled={resend.isPending}>
        {resend.isPending ? "Sending…" : "Send the link again"}
      </Button>
      <p aria-live="polite" className="text-sm">
        {resend.isSuccess ? `We sent a new link to ${resend.data.email}. It works for 48 hours.` : resend.error ? errorText(resend.error) : ""}
      </p>
    </div>
  );
}
