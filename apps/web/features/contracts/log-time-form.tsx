"use client";

import { TEXT_RULES } from "@fairlance/rules";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, FormAlert } from "@/components/ui";
import { problemsOf, readText, serverProblems, showServerProblems, useOnEdit, useRulesForm, type Read, type ServerFields } from "@/features/shared/form";
import { FormField } from "@/features/shared/form-fields";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";
import { formatMinutes } from "./format";
import type { ContractView } from "./types";
import { useAfterSuccess } from "./use-after-success";

interface TimeValues {
  day: string;
  hours: string;
  memo: string;
}

/** "2" or "2:30" → minutes, at least one and at most a day (as `hourly.logTime` takes them). */
export function readHours(text: string): Read<number> {
  const match = /^(\d{1,2})(?::([0-5]\d))?$/.exec(text.trim());
  if (!match) return { ok: false, error: "Enter hours like 2 or 2:30." };
  const minutes = Number(match[1]) * 60 + Number(match[2] ?? 0);
  if (minutes < 1) return { ok: false, error: "Log at least one minute." };
  if (minutes > 1440) return { ok: false, error: "A day has 1,440 minutes." };
  return { ok: true, value: minutes };
}

function parseTime(values: TimeValues) {
  const check = problemsOf<TimeValues>();
  const workedOn = /^\d{4}-\d{2}-\d{2}$/.test(values.day) ? new Date(`${values.day}T00:00:00Z`) : null;
  if (!workedOn || Number.isNaN(workedOn.getTime())) check.add("day", "Choose the day you worked.");
  const minutes = check.take("hours", readHours(values.hours));
  const memo = check.take("memo", readText(values.memo, TEXT_RULES.logMemo));
  return check.done(() => ({ workedOn: workedOn!, minutes: minutes!, memo: memo! }));
}

const SERVER_FIELDS: ServerFields<TimeValues> = { fields: { workedOn: "day", minutes: "hours", memo: "memo" } };

export function LogTimeForm({ contract }: { contract: ContractView }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const week = contract.currentWeek!;
  const form = useRulesForm(parseTime, { day: week.today.toISOString().slice(0, 10), hours: "", memo: "" });
  const log = useMutation(trpc.hourly.logTime.mutationOptions({ onSuccess: async () => { form.reset({ ...form.getValues(), hours: "", memo: "" }); await done(); } }));
  useOnEdit(form, () => { log.reset(); renew(); });
  const submit = form.handleSubmit((time) => log.mutate({ idempotencyKey: key, contractId: contract.id, ...time }, { onError: (error) => showServerProblems(form, error, SERVER_FIELDS) }));
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <p className="text-sm" data-testid="week-usage">
        This week (from {week.weekStart.toISOString().slice(0, 10)}): <strong>{formatMinutes(week.minutes)}</strong> of the {formatMinutes(week.limitMinutes)} weekly limit used.
      </p>
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField form={form} name="day" label="Day (UTC)" id="log-day" type="date" />
        <FormField form={form} name="hours" label="Hours (h or h:mm)" id="log-hours" />
        <FormField form={form} name="memo" label="What you worked on" id="log-memo" />
      </div>
      <Button type="submit" disabled={log.isPending}>{log.isPending ? "Logging…" : "Log time"}</Button>
      <div aria-live="polite">
        <FormAlert message={serverProblems(log.error, SERVER_FIELDS).alert} />
        {log.data && <Alert tone="success">Logged {formatMinutes(log.data.minutes)}; {formatMinutes(log.data.weekMinutes)} this week.</Alert>}
      </div>
    </form>
  );
}
