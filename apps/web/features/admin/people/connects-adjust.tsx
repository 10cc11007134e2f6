"use client";

import { TEXT_RULES, WHOLE_RULES, formatConnects } from "@fairlance/rules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { Alert, Button, FormAlert } from "@/components/ui";
import { problemsOf, readText, readWholeNumber, serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { FormField, FormRadios, FormTextArea } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";

interface AdjustValues {
  direction: "grant" | "revoke";
  count: string;
  reason: string;
}

interface Adjustment {
  direction: AdjustValues["direction"];
  connects: number;
  reason: string;
}

/** A number of connects and the reason the freelancer sees, by the service's rules. */
function parseAdjust(values: AdjustValues) {
  const check = problemsOf<AdjustValues>();
  const connects = check.take("count", readWholeNumber(values.count, WHOLE_RULES.adminConnects));
  const reason = check.take("reason", readText(values.reason, TEXT_RULES.grantConnectsReason));
  return check.done<Adjustment>(() => ({ direction: values.direction, connects: connects!, reason: reason! }));
}

const SERVER_FIELDS: ServerFields<AdjustValues> = { fields: { connects: "count", reason: "reason" } };
const DIRECTIONS = [
  { value: "grant", label: "Grant" },
  { value: "revoke", label: "Take back" },
] as const;

/** Grant or take back connects with a reason the freelancer sees; the confirm step names the exact number. */
export function ConnectsAdjust({ freelancerId, name, balance }: { freelancerId: string; name: string; balance: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { key, renew } = useIdempotencyKey();
  const form = useRulesForm(parseAdjust, { direction: "grant", count: "", reason: "" });
  const direction = useWatch({ control: form.control, name: "direction" });
  const [confirming, setConfirming] = useState<Adjustment | null>(null);
  const options = { onSuccess: async () => { renew(); setConfirming(null); form.reset({ direction, count: "", reason: "" }); await queryClient.invalidateQueries(trpc.admin.people.pathFilter()); } };
  const grant = useMutation(trpc.admin.people.grantConnects.mutationOptions(options));
  const revoke = useMutation(trpc.admin.people.revokeConnects.mutationOptions(options));
  const active = direction === "grant" ? grant : revoke;
  useOnEdit(form, () => { setConfirming(null); grant.reset(); revoke.reset(); renew(); });
  const result = grant.data ?? revoke.data;
  const send = ({ direction: which, connects, reason }: Adjustment) =>
    (which === "grant" ? grant : revoke).mutate({ idempotencyKey: key, freelancerId, connects, reason }, { onError: (error) => { setConfirming(null); showServerProblems(form, error, SERVER_FIELDS); } });
  return (
    <form onSubmit={form.handleSubmit(setConfirming)} noValidate className="space-y-2 rounded-md border border-slate-200 p-3">
      <FormRadios form={form} name="direction" id="connects-direction" legend={`Connects (balance ${balance})`} options={DIRECTIONS} />
      <FormField form={form} name="count" id="connects-count" label="Number of connects" inputMode="numeric" />
      <FormTextArea form={form} name="reason" id="connects-reason" label="Reason (required)" rows={2} limit={TEXT_RULES.grantConnectsReason.max} hint={`${name} sees this reason in their connects history.`} />
      <div aria-live="polite" className="space-y-2">
        {result && !confirming && <Alert tone="success">Done: {result.balanceBefore} → {formatConnects(result.balanceAfter)}.</Alert>}
        {confirming && <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-900">{confirming.direction === "grant" ? `This grants ${formatConnects(confirming.connects)} to ${name}.` : `This takes ${formatConnects(confirming.connects)} back from ${name} (the ones expiring first).`}</p>}
        <FormAlert message={serverProblems(active.error, SERVER_FIELDS).alert} />
      </div>
      {confirming ? (
        <div className="flex gap-2">
          <Button type="button" variant={confirming.direction === "grant" ? "primary" : "danger"} onClick={() => send(confirming)} disabled={active.isPending}>{active.isPending ? "Working…" : confirming.direction === "grant" ? `Grant ${formatConnects(confirming.connects)}` : `Take back ${formatConnects(confirming.connects)}`}</Button>
          <Button type="button" variant="secondary" onClick={() => setConfirming(null)}>Back</Button>
        </div>
      ) : (
        <Button type="submit" variant="secondary">Review</Button>
      )}
    </form>
  );
}
