"use client";

import { useMutation } from "@tanstack/react-query";
import { Money } from "@/components/money";
import { Alert, Button, FormAlert } from "@/components/ui";
import type { RouterOutputs } from "@/features/contracts/types";
import { useAfterSuccess } from "@/features/contracts/use-after-success";
import { problemsOf, readAmount, serverProblems, showServerProblems, useOnEdit, useRulesForm, type ServerFields } from "@/features/shared/form";
import { FormField, FormSelect } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatDate, formatDateTime } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";
import { SCHEDULE_LABEL } from "./labels";

type Overview = RouterOutputs["payout"]["overview"];
type NextRun = NonNullable<Overview["auto"]>["nextRun"];

const NOT_SENT: Record<NextRun["wouldSend"]["reason"], string> = {
  threshold_met: "",
  aged_balance: "",
  below_threshold: "nothing would be sent: Available is below your threshold",
  nothing_available: "nothing would be sent: nothing is available",
  not_above_fee: "nothing would be sent: the amount does not exceed the method's fee",
  net_below_minimum: "nothing would be sent: what the method would pay after its fee is below the smallest useful payout",
};

/** The runner's next run (the same function decides both) and what it would send with today's Available balance. */
export function NextAutoRun({ nextRun, agedAfterDays }: { nextRun: NextRun; agedAfterDays: number }) {
  const send = nextRun.wouldSend;
  return (
    <p className="text-sm" data-testid="auto-next-run">
      Next run: <strong>{formatDate(nextRun.runAt)}</strong> at 00:00 UTC{nextRun.due && " (due: it runs within minutes)"}
      {nextRun.waitsForMethod && `, the first run after your payout method's waiting days end (${formatDateTime(nextRun.methodUsableAt)})`}. With today&apos;s balance,{" "}
      {send.payout ? (
        <>
          it would send <Money minor={send.amountMinor} />
          {send.reason === "aged_balance" && ` (money available for more than ${agedAfterDays} days)`}: <Money minor={send.feeMinor} /> method fee, you receive <Money minor={send.netMinor} />.
        </>
      ) : (
        <>{NOT_SENT[send.reason]} (threshold <Money minor={send.thresholdMinor} />).</>
      )}
    </p>
  );
}
type Schedule = "WEEKLY" | "TWICE_MONTHLY" | "MONTHLY" | "QUARTERLY";

interface AutoValues {
  schedule: Schedule | "OFF";
  threshold: string;
  methodId: string;
}

/** The schedule as `payout.setAuto` takes it; the threshold at least the floor in force (economy.md §4). */
function parseAuto(values: AutoValues, floorMinor: bigint) {
  const check = problemsOf<AutoValues>();
  const thresholdMinor = check.take(
    "threshold",
    readAmount(values.threshold, "threshold", { min: { minor: floorMinor, sentence: `Automatic withdrawals need a threshold of at least ${formatMoney(floorMinor)}.` } }),
  );
  if (!values.methodId) check.add("methodId", "Choose a payout method.");
  return check.done(() => ({ schedule: values.schedule === "OFF" ? null : values.schedule, thresholdMinor: thresholdMinor!, payoutMethodId: values.methodId }));
}

const SERVER_FIELDS: ServerFields<AutoValues> = { fields: { schedule: "schedule", thresholdMinor: "threshold", payoutMethodId: "methodId" } };

/** The automatic schedule: the whole Available balance on each run day, only when it reaches the threshold (at least the minimum). */
export function AutoWithdrawalForm({ overview }: { overview: Overview }) {
  const trpc = useTRPC();
  const { renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const form = useRulesForm((values: AutoValues) => parseAuto(values, overview.autoThresholdMinimumMinor), {
    schedule: overview.auto?.schedule ?? "OFF",
    threshold: formatMoney(overview.auto?.thresholdMinor ?? overview.autoThresholdMinimumMinor),
    methodId: overview.auto?.payoutMethodId ?? overview.methods[0]?.id ?? "",
  });
  const save = useMutation(trpc.payout.setAuto.mutationOptions({ onSuccess: done }));
  useOnEdit(form, () => save.reset());
  if (overview.methods.length === 0) return <p className="text-sm text-slate-600">Add a payout method to set up automatic withdrawals.</p>;
  const submit = form.handleSubmit((input) => save.mutate(input, { onError: (error) => showServerProblems(form, error, SERVER_FIELDS) }));
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {overview.auto && (
        <div className="space-y-1">
          <p className="text-sm">{SCHEDULE_LABEL[overview.auto.schedule]}, threshold <Money minor={overview.auto.thresholdMinor} />.</p>
          <NextAutoRun nextRun={overview.auto.nextRun} agedAfterDays={overview.autoWithdrawalMaxAgeDays} />
        </div>
      )}
      <FormSelect form={form} name="schedule" id="auto-schedule" label="Schedule">
        <option value="OFF">Off (withdraw by hand)</option>
        {Object.entries(SCHEDULE_LABEL).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </FormSelect>
      <FormField form={form} name="threshold" label="Threshold (USD)" id="auto-threshold" inputMode="decimal" hint={`At least ${formatMoney(overview.autoThresholdMinimumMinor)}. Money available for more than ${overview.autoWithdrawalMaxAgeDays} days is paid out regardless.`} />
      <FormSelect form={form} name="methodId" id="auto-method" label="To">
        {overview.methods.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
      </FormSelect>
      <Button type="submit" variant="secondary" disabled={save.isPending}>Save schedule</Button>
      <div aria-live="polite">
        <FormAlert message={serverProblems(save.error, SERVER_FIELDS).alert} />
        {save.isSuccess && (
          <Alert tone="success">
            {save.data ? (
              <>
                Saved: paid out when Available reaches <Money minor={save.data.thresholdMinor} />. <NextAutoRun nextRun={save.data.nextRun} agedAfterDays={overview.autoWithdrawalMaxAgeDays} />
              </>
            ) : (
              "Automatic withdrawals are off."
            )}
          </Alert>
        )}
      </div>
    </form>
  );
}
