"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatCount } from "@fairlance/rules";
import { Alert, Button, Card } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";
import type { AdminOutputs } from "../types";

type Result = AdminOutputs["ledger"]["runInvariantCheck"];

/**
 * Runs every ledger invariant of economy.md §7 on demand, one check per call, and shows each as it
 * finishes: which one is being checked, and how long each took.
 */
export function InvariantCheck() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.admin.ledger.invariantChecks.queryOptions());
  const run = useMutation(trpc.admin.ledger.runInvariantCheck.mutationOptions());
  const [results, setResults] = useState<Record<string, Result>>({});
  const [current, setCurrent] = useState<string | null>(null);
  const [started, setStarted] = useState(false);
  const checks = list.data?.checks ?? [];
  const finished = checks.filter((c) => results[c.id]).length;
  const done = started && !current && finished === checks.length && checks.length > 0;
  const failed = checks.filter((c) => results[c.id] && !results[c.id]!.ok);

  const runAll = async () => {
    setStarted(true);
    setResults({});
    run.reset();
    try {
      for (const check of checks) {
        setCurrent(check.id);
        const result = await run.mutateAsync({ id: check.id });
        setResults((before) => ({ ...before, [check.id]: result }));
      }
    } catch {
      // The error is shown from the mutation's state; the checks already done stay listed.
    } finally {
      setCurrent(null);
      // The counts of transfers and accounts as they are now.
      await queryClient.invalidateQueries(trpc.admin.ledger.invariantChecks.queryFilter());
    }
  };

  const running = current !== null;
  const currentTitle = checks.find((c) => c.id === current)?.title;
  return (
    <Card title="Ledger invariants">
      {list.data && (
        <p className="mb-3 text-sm text-slate-600">
          {formatCount(checks.length, "check")} over {formatCount(list.data.transfers, "transfer")} in {formatCount(list.data.accounts, "account")}. Each shows as soon as it is done.
        </p>
      )}
      <ErrorAlert error={list.error} />
      <Button onClick={() => void runAll()} disabled={running || checks.length === 0}>
        {running ? `Checking… (${finished} of ${checks.length} done)` : "Run the invariant check"}
      </Button>
      <div aria-live="polite" className="mt-3 space-y-2 text-sm">
        {running && (
          <p className="text-slate-700" data-testid="invariant-progress">
            Now checking <span className="font-mono text-xs">{current}</span>: {currentTitle}
          </p>
        )}
        <ErrorAlert error={run.error} />
        {done && list.data && (
          <Alert tone={failed.length === 0 ? "success" : "error"}>
            {failed.length === 0 ? "All invariants hold" : `${formatCount(failed.length, "invariant")} violated`} over {formatCount(list.data.transfers, "transfer")} in {formatCount(list.data.accounts, "account")}.
          </Alert>
        )}
      </div>
      {started && (
        <ol className="mt-3 space-y-1 text-sm" data-testid="invariant-report">
          {checks.map((c) => {
            const result = results[c.id];
            const state = result ? (result.ok ? "ok" : "failed") : c.id === current ? "running" : "waiting";
            return (
              <li key={c.id} className="flex gap-2">
                <span aria-hidden className={`w-4 shrink-0 ${state === "ok" ? "text-emerald-700" : state === "failed" ? "font-semibold text-red-700" : "text-slate-400"}`}>
                  {state === "ok" ? "✓" : state === "failed" ? "✗" : state === "running" ? "…" : "○"}
                </span>
                <span className="min-w-0">
                  <span className="sr-only">{state === "ok" ? "Holds: " : state === "failed" ? "Violated: " : state === "running" ? "Checking: " : "Waiting: "}</span>
                  <span className="font-mono text-xs">{c.id}</span> {c.title}
                  {result && <span className="ml-1 text-xs text-slate-500">({result.ms.toLocaleString("en-US")} ms)</span>}
                  {result && result.violations.length > 0 && (
                    <ul className="ml-5 list-disc break-all text-xs text-red-800">
                      {result.violations.map((v) => <li key={v}>{v}</li>)}
                      {result.violationCount > result.violations.length && <li>… and {result.violationCount - result.violations.length} more</li>}
                    </ul>
                  )}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
