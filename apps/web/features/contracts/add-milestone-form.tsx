"use client";

import { TEXT_RULES } from "@fairlance/rules";
import { useMutation } from "@tanstack/react-query";
import { Money } from "@/components/money";
import { Alert, Button, Card, FormAlert } from "@/components/ui";
import { problemsOf, readAmount, readText, serverProblems, useOnEdit, useRulesForm } from "@/features/shared/form";
import { FormField } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";
import type { ContractView } from "./types";
import { useAfterSuccess } from "./use-after-success";

interface MilestoneValues {
  title: string;
  amount: string;
}

/** A milestone as `milestone.add` takes it: a title and an amount of at least the contract's minimum. */
function parseMilestone(values: MilestoneValues, minimumMinor: bigint) {
  const check = problemsOf<MilestoneValues>();
  const title = check.take("title", readText(values.title, TEXT_RULES.milestoneTitle));
  const amountMinor = check.take("amount", readAmount(values.amount, "milestone amount", { min: { minor: minimumMinor, sentence: `A milestone must be at least ${formatMoney(minimumMinor)}.` } }));
  return check.done(() => ({ title: title!, amountMinor: amountMinor! }));
}

const EMPTY: MilestoneValues = { title: "", amount: "" };

export function AddMilestoneForm({ contract }: { contract: ContractView }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const form = useRulesForm((values: MilestoneValues) => parseMilestone(values, contract.milestoneMinimumMinor), EMPTY);
  const add = useMutation(trpc.milestone.add.mutationOptions({ onSuccess: async () => { form.reset(EMPTY); await done(); } }));
  useOnEdit(form, () => { add.reset(); renew(); });
  const submit = form.handleSubmit((milestone) => add.mutate({ idempotencyKey: key, contractId: contract.id, milestone }));
  return (
    <Card title="Add a milestone">
      <form onSubmit={submit} noValidate className="space-y-3">
        <FormField form={form} name="title" label="Milestone title" id="new-milestone-title" limit={TEXT_RULES.milestoneTitle.max} />
        <FormField form={form} name="amount" label="Amount (USD)" id="new-milestone-amount" inputMode="decimal"
          hint={<>At least <Money minor={contract.milestoneMinimumMinor} />. You are charged only when you fund it, with the client fee shown first.</>} />
        <Button type="submit" variant="secondary" disabled={add.isPending}>{add.isPending ? "Adding…" : "Add milestone"}</Button>
        <div aria-live="polite">
          <FormAlert message={serverProblems(add.error, {}).alert} />
          {add.data && <Alert tone="success">Milestone “{add.data.title}” added. Fund it so work can start.</Alert>}
        </div>
      </form>
    </Card>
  );
}
