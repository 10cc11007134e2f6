"use client";

import { TEXT_RULES } from "@fairlance/rules";
import { useMutation } from "@tanstack/react-query";
import { Button, FormAlert } from "@/components/ui";
import { useAfterSuccess } from "@/features/contracts/use-after-success";
import { problemsOf, readText, serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { FormField } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";

interface CodeValues {
  code: string;
}

function parseCode(values: CodeValues) {
  const check = problemsOf<CodeValues>();
  const code = check.take("code", readText(values.code, TEXT_RULES.verificationCode));
  return check.done(() => ({ code: code! }));
}

// A wrong code is the card's refusal, about the code: it goes beside the field.
const SERVER_FIELDS: ServerFields<CodeValues> = { fields: { code: "code" }, codes: { INVALID_REQUEST: "code" } };

export function VerifyCardForm({ paymentMethodId, last4 }: { paymentMethodId: string; last4: string }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const form = useRulesForm(parseCode, { code: "" });
  const verify = useMutation(trpc.paymentMethod.verify.mutationOptions({ onSuccess: done }));
  useOnEdit(form, () => verify.reset());
  const submit = form.handleSubmit(({ code }) => verify.mutate({ idempotencyKey: key, paymentMethodId, code }, { onError: (error) => showServerProblems(form, error, SERVER_FIELDS) }));
  return (
    <form onSubmit={submit} noValidate className="mt-2 flex flex-wrap items-end gap-2">
      <div className="w-40">
        <FormField form={form} name="code" label={`Verification code for …${last4}`} id={`verify-${paymentMethodId}`} inputMode="numeric" />
      </div>
      <Button type="submit" variant="secondary" disabled={verify.isPending}>
        {verify.isPending ? "Verifying…" : "Verify card"}
      </Button>
      <div aria-live="polite" className="w-full">
        <FormAlert message={serverProblems(verify.error, SERVER_FIELDS).alert} />
      </div>
    </form>
  );
}
