"use client";

import { TEXT_RULES, readCardExpiry } from "@fairlance/rules";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, FormAlert } from "@/components/ui";
import { useAfterSuccess } from "@/features/contracts/use-after-success";
import { problemsOf, readText, serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { FormField } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";

const TEST_CARDS = [
  { number: "4242 4242 4242 4242", outcome: "succeeds (verified at once)" },
  { number: "4000 0000 0000 0002", outcome: "is declined when charged" },
  { number: "4000 0025 0000 3155", outcome: "needs verification with code 123456" },
];

interface CardValues {
  number: string;
  expiry: string;
  cvc: string;
}

/** The card as `paymentMethod.add` takes it, by the service's limits (TEXT_RULES.cardNumber, cardCvc; the expiry's month and year). */
export function parseCard(values: CardValues) {
  const check = problemsOf<CardValues>();
  const number = check.take("number", readText(values.number, TEXT_RULES.cardNumber));
  const expiry = check.take("expiry", readCardExpiry(values.expiry));
  const cvc = check.take("cvc", readText(values.cvc, TEXT_RULES.cardCvc));
  return check.done(() => ({ number: number!, ...expiry!, cvc: cvc! }));
}

// The procedure's input nests the card: its refusals come as "card" and go in the form's alert.
const SERVER_FIELDS: ServerFields<CardValues> = {};
const EMPTY: CardValues = { number: "", expiry: "", cvc: "" };

export function AddCardForm() {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const form = useRulesForm(parseCard, EMPTY);
  const add = useMutation(trpc.paymentMethod.add.mutationOptions({ onSuccess: async () => { form.reset(EMPTY); await done(); } }));
  useOnEdit(form, () => { add.reset(); renew(); });
  const submit = form.handleSubmit((card) => add.mutate({ idempotencyKey: key, card }, { onError: (error) => showServerProblems(form, error, SERVER_FIELDS) }));

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-describedby="test-cards">
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
      <FormField form={form} name="number" label="Card number" id="card-number" inputMode="numeric" autoComplete="cc-number" />
      <div className="grid grid-cols-2 gap-3">
        <FormField form={form} name="expiry" label="Expiry (MM/YY)" id="card-expiry" placeholder="12/30" autoComplete="cc-exp" />
        <FormField form={form} name="cvc" label="CVC" id="card-cvc" inputMode="numeric" autoComplete="cc-csc" />
      </div>
      <div aria-live="polite">
        <FormAlert message={serverProblems(add.error, SERVER_FIELDS).alert} />
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
