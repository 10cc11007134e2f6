"use client";

import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useIdempotencyKey } from "@/features/shared/use-idempotency-key";
import { useTRPC } from "@/trpc/client";
import { formatMinutes } from "./format";
import type { ContractView } from "./types";
import { useAfterSuccess } from "./use-after-success";

export function LogTimeForm({ contract }: { contract: ContractView }) {
  const trpc = useTRPC();
  const { key, renew } = useIdempotencyKey();
  const done = useAfterSuccess(renew);
  const week = contract.currentWeek!;
  const [day, setDay] = useState(week.today.toISOString().slice(0, 10));
  const [hours, setHours] = useState("");
  const [memo, setMemo] = useState("");
  const [error, setError] = useState<string>();
  const log = useMutation(trpc.hourly.logTime.mutationOptions({ onSuccess: async () => { setHours(""); setMemo(""); await done(); } }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const match = /^(\d{1,2})(?::([0-5]\d))?$/.exec(hours.trim());
    if (!match) return setError("Enter hours like 2 or 2:30.");
    setError(undefined);
    log.mutate({ idempotencyKey: key, contractId: contract.id, workedOn: new Date(`${day}T00:00:00Z`), minutes: Number(match[1]) * 60 + Number(match[2] ?? 0), memo });
  };
  return (
    <form onSubmit={submit} className="space-y-3">
      <p className="text-sm" data-testid="week-usage">
        This week (from {week.weekStart.toISOString().slice(0, 10)}): <strong>{formatMinutes(week.minutes)}</strong> of the {formatMinutes(week.limitMinutes)} weekly limit used.
      </p>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Day (UTC)" id="log-day" type="date" value={day} onChange={(e) => setDay(e.target.value)} required />
        <Field label="Hours (h or h:mm)" id="log-hours" value={hours} onChange={(e) => setHours(e.target.value)} error={error} required />
        <Field label="What you worked on" id="log-memo" value={memo} onChange={(e) => setMemo(e.target.value)} required />
      </div>
      <Button type="submit" disabled={log.isPending}>{log.isPending ? "Logging…" : "Log time"}</Button>
      <div aria-live="polite">
        <ErrorAlert error={log.error} />
        {log.data && <Alert tone="success">Logged {formatMinutes(log.data.minutes)}; {formatMinutes(log.data.weekMinutes)} this week.</Alert>}
      </div>
    </form>
  );
}
