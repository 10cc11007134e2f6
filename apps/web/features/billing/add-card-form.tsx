"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field } from "@/components/ui";
import { useAfterSuccess } from "@/features/contracts/use-after-success";
import { ErrorAlert, fieldErrors } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";

const TEST_CARDS = [
  { number: "4242 4242 4242 4242", outcome: "succeeds (verified at once)" },
  { number: "4000 0000 0000 0002", outcome: "is declined when charged" },
  { number: "4000 0025 0000 3155", outcome: "needs verification with code 123456" },
];

export function AddCardForm() {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const [card, setCard] = useState({ number: "", expiry: "", cvc: "" });
  const [formError, setFormError] = useState<string | null>(null);
  const add = useMutation(trpc.paymentMethod.add.mutationOptions({ onSuccess: async () => { setCard({ number: "", expiry: "", cvc: "" }); await done(); } }));
  const errors = fieldErrors(add.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(card.expiry);
    if (!match) return setFormError("Enter the expiry as MM/YY, for example 12/30.");
    setFormError(null);
    const year = match[2]!.length === 2 ? 2000 + Number(match[2]) : Number(match[2]);
    add.mutate({ idempotencyKey: key, card: { number: card.number, expMonth: Number(match[1]), expYear: year, cvc: card.cvc } });
  };

  return (
    <form onSubmit={submit} className="space-y-4" aria-describedby="test-cards">
      <div id="test-cards" className="rounded-md bg-slate-50 p-3 text-sm text-slate-700">
        <p className="font-medium">Sandbox test cards (any future expiry, any 3-digit CVC):</p>
        <ul className="mt-1 list-disc pl-5">
          {TEST_CARDS.map((c) => (
            <li key={c.number}>
              <span className="font-mono">{c.number}</span> {c.outcome}
            </li>
          ))}
        </ul>
      </div>
      <Field label="Card number" id="card-number" inputMode="numeric" autoComplete="cc-number" value={card.number} onChange={(e) => setCard({ ...card, number: e.target.value })} error={errors["card.number"]?.[0]} required />
      <div className="grid grid-cols-2 gap-3">
        <Field label="Expiry (MM/YY)" id="card-expiry" placeholder="12/30" autoComplete="cc-exp" value={card.expiry} onChange={(e) => setCard({ ...card, expiry: e.target.value })} required />
        <Field label="CVC" id="card-cvc" inputMode="numeric" autoComplete="cc-csc" value={card.cvc} onChange={(e) => setCard({ ...card, cvc: e.target.value })} error={errors["card.cvc"]?.[0]} required />
      </div>
      {formError && <Alert>{formError}</Alert>}
      <div aria-live="polite">
        <ErrorAlert error={add.error} />
        {add.data && (
          <Alert tone="success">
            {add.data.brand} …{add.data.last4} added{add.data.status === "VERIFIED" ? " and verified." : ". Verify it below with the code from your bank."}
          </Alert>
        )}
      </div>
      <Button type="submit" disabled={add.isPending}>
        {add.isPending ? "Adding…" : "Add card"}
      </Button>
    </form>
  );
}
