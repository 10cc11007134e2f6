"use client";

import { TEXT_RULES } from "@fairlance/rules";
import { useMutation } from "@tanstack/react-query";
import { useWatch } from "react-hook-form";
import { Money } from "@/components/money";
import { Alert, Button, FormAlert } from "@/components/ui";
import { useAfterSuccess } from "@/features/contracts/use-after-success";
import { problemsOf, readText, serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { FormField, FormSelect } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatDate } from "@/lib/format";
import { useTRPC } from "@/trpc/client";
import { ACCOUNT_LABEL, KIND_LABEL } from "./labels";

type Kind = "ACH" | "LOCAL_BANK" | "PAYPAL" | "INSTANT" | "WIRE";
interface MethodValues {
  kind: Kind;
  account: string;
  label: string;
}

function parseMethod(values: MethodValues) {
  const check = problemsOf<MethodValues>();
  const account = check.take("account", readText(values.account, TEXT_RULES.payoutAccount));
  const label = check.take("label", readText(values.label, TEXT_RULES.payoutLabel));
  return check.done(() => ({ kind: values.kind, account: account!, label: label! }));
}

const SERVER_FIELDS: ServerFields<MethodValues> = { fields: { kind: "kind", account: "account", label: "label" } };
const EMPTY: MethodValues = { kind: "ACH", account: "", label: "" };

export function AddPayoutMethodForm({ fees, waitingDays }: { fees: { kind: string; feeMinor: bigint }[]; waitingDays: number }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const form = useRulesForm(parseMethod, EMPTY);
  const kind = useWatch({ control: form.control, name: "kind" });
  const add = useMutation(trpc.payout.addMethod.mutationOptions({ onSuccess: async () => { form.reset(EMPTY); await done(); } }));
  useOnEdit(form, () => { add.reset(); renew(); });
  const fee = fees.find((f) => f.kind.toUpperCase() === kind);
  const submit = form.handleSubmit((method) => add.mutate({ idempotencyKey: key, ...method }, { onError: (error) => showServerProblems(form, error, SERVER_FIELDS) }));
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <FormSelect form={form} name="kind" id="payout-kind" label="Type" hint={fee && <>Fee per withdrawal: <Money minor={fee.feeMinor} /></>}>
        {Object.entries(KIND_LABEL).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </FormSelect>
      <FormField form={form} name="account" label={ACCOUNT_LABEL[kind] ?? "Account"} id="payout-account" autoComplete="off" />
      <FormField form={form} name="label" label="Name for this method" id="payout-label" limit={TEXT_RULES.payoutLabel.max} />
      <p className="text-xs text-slate-500">For your safety a new method can be used {waitingDays} days after it is added.</p>
      <Button type="submit" variant="secondary" disabled={add.isPending}>{add.isPending ? "Adding…" : "Add payout method"}</Button>
      <div aria-live="polite">
        <FormAlert message={serverProblems(add.error, SERVER_FIELDS).alert} />
        {add.data && <Alert tone="success">{add.data.label} added: usable from {formatDate(add.data.usableFrom)}.</Alert>}
      </div>
    </form>
  );
}
