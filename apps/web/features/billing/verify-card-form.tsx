"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, Field } from "@/components/ui";
import { useAfterSuccess } from "@/features/contracts/use-after-success";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";

export function VerifyCardForm({ paymentMethodId, last4 }: { paymentMethodId: string; last4: string }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const [code, setCode] = useState("");
  const verify = useMutation(trpc.paymentMethod.verify.mutationOptions({ onSuccess: done }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate({ idempotencyKey: key, paymentMethodId, code });
  };
  return (
    <form onSubmit={submit} className="mt-2 flex flex-wrap items-end gap-2">
      <div className="w-40">
        <Field label={`Verification code for …${last4}`} id={`verify-${paymentMethodId}`} value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" required />
      </div>
      <Button type="submit" variant="secondary" disabled={verify.isPending}>
        {verify.isPending ? "Verifying…" : "Verify card"}
      </Button>
      <div aria-live="polite" className="w-full">
        <ErrorAlert error={verify.error} />
      </div>
    </form>
  );
}
