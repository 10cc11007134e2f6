"use client";

import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";

export function SignOutEverywhere() {
  const trpc = useTRPC();
  const end = useMutation(
    trpc.me.signOutEverywhere.mutationOptions({ onSuccess: async () => (await import("next-auth/react")).signOut({ callbackUrl: "/sign-in" }) }),
  );
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        Signs you out on every phone, computer and browser where you are signed in, this one included; use it if you signed in somewhere you no
        longer trust.
      </p>
      <ErrorAlert error={end.error} />
      <Button variant="secondary" onClick={() => end.mutate()} disabled={end.isPending || end.isSuccess}>
        {end.isPending || end.isSuccess ? "Signing out everywhere…" : "Sign out on every device"}
      </Button>
    </div>
  );
}
