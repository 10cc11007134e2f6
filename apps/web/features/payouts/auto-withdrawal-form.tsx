"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Money } from "@/components/money";
import { Alert, Button, Field } from "@/components/ui";
import type { RouterOutputs } from "@/features/contracts/types";
import { useAfterSuccess } from "@/features/contracts/use-after-success";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { formatDate } from "@/lib/format";
import { formatMoney, readMoney } from "@/lib/money";
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
export function NextAutoRun({ nextRun }: { nextRun: NextRun }) {
  const send = nextRun.wouldSend;
  return (
    <p className="text-sm" data-testid="auto-next-run">
      Next run: <strong>{formatDate(nextRun.runAt)}</strong> at 00:00 UTC{nextRun.due && " (due: it runs within minutes)"}. With today&apos;s balance,{" "}
      {send.payout ? (
        <>
          it would send <Money minor={send.amountMinor} />
          {send.reason === "aged_balance" && " (money available for more than 180 days)"}: <Money minor={send.feeMinor} /> method fee, you receive <Money minor={send.netMinor} />.
        </>
      ) : (
        <>{NOT_SENT[send.reason]} (threshold <Money minor={send.thresholdMinor} />).</>
      )}
    </p>
  );
}
type Schedule = "WEEKLY" | "TWICE_MONTHLY" | "MONTHLY" | "QUARTERLY";

/** The automatic schedule: the whole Available balance on each run day, only when it reaches the threshold (at least the minimum). */
export function AutoWithdrawalForm({ overview }: { overview: Overview }) {
  const trpc = useTRPC();
  const { renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const [schedule, setSchedule] = useState<Schedule | "OFF">(overview.auto?.schedule ?? "OFF");
  const [threshold, setThreshold] = useState(formatMoney(overview.auto?.thresholdMinor ?? overview.autoThresholdMinimumMinor));
  const [methodId, setMethodId] = useState(overview.auto?.payoutMethodId ?? overview.methods[0]?.id ?? "");
  const [error, setError] = useState<string>();
  const save = useMutation(trpc.payout.setAuto.mutationOptions({ onSuccess: done }));
  if (overview.methods.length === 0) return <p className="text-sm text-slate-600">Add a payout method to set up automatic withdrawals.</p>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const money = readMoney(threshold);
    if (!money.ok) return setError(money.error);
    setError(undefined);
    save.mutate({ schedule: schedule === "OFF" ? null : schedule, thresholdMinor: money.minor, payoutMethodId: methodId });
  };
  return (
    <form onSubmit={submit} className="space-y-3">
      {overview.auto && (
        <div className="space-y-1">
          <p className="text-sm">{SCHEDULE_LABEL[overview.auto.schedule]}, threshold <Money minor={overview.auto.thresholdMinor} />.</p>
          <NextAutoRun nextRun={overview.auto.nextRun} />
        </div>
      )}
      <div className="space-y-1">
        <label htmlFor="auto-schedule" className="block text-sm font-medium">Schedule</label>
        <select id="auto-schedule" value={schedule} onChange={(e) => setSchedule(e.target.value as Schedule | "OFF")} className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
          <option value="OFF">Off (withdraw by hand)</option>
          {Object.entries(SCHEDULE_LABEL).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
        </select>
      </div>
      <Field label="Threshold (USD)" id="auto-threshold" inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} error={error} hint={`At least ${formatMoney(overview.autoThresholdMinimumMinor)}. Money available for more than ${overview.autoWithdrawalMaxAgeDays} days is paid out regardless.`} />
      <div className="space-y-1">
        <label htmlFor="auto-method" className="block text-sm font-medium">To</label>
        <select id="auto-method" value={methodId} onChange={(e) => setMethodId(e.target.value)} className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
          {overview.methods.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
        </select>
      </div>
      <Button type="submit" variant="secondary" disabled={save.isPending}>Save schedule</Button>
      <div aria-live="polite">
        <ErrorAlert error={save.error} />
        {save.isSuccess && (
          <Alert tone="success">
            {save.data ? (
              <>
                Saved: paid out when Available reaches <Money minor={save.data.thresholdMinor} />. <NextAutoRun nextRun={save.data.nextRun} />
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
