"use client";

import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { useTRPC } from "@/trpc/client";

/** Runs every ledger invariant of economy.md §7 on demand and shows each check. */
export function InvariantCheck() {
  const trpc = useTRPC();
  const check = useMutation(trpc.admin.ledger.checkInvariants.mutationOptions());
  const report = check.data;
  return (
    <Card title="Ledger invariants">
      <Button onClick={() => check.mutate()} disabled={check.isPending}>{check.isPending ? "Checking…" : "Run the invariant check"}</Button>
      <div aria-live="polite" className="mt-3 space-y-2 text-sm">
        <ErrorAlert error={check.error} />
        {report && (
          <>
            <Alert tone={report.ok ? "success" : "error"}>
              {report.ok ? "All invariants hold" : `${report.checks.filter((c) => !c.ok).length} invariant(s) violated`} over {report.transfers} transfers in {report.accounts} accounts.
            </Alert>
            <ul className="space-y-1" data-testid="invariant-report">
              {report.checks.map((c) => (
                <li key={c.id}>
                  <span className={c.ok ? "text-emerald-700" : "font-semibold text-red-700"}>{c.ok ? "✓" : "✗"}</span> <span className="font-mono text-xs">{c.id}</span> {c.title}
                  {c.violations.length > 0 && <ul className="ml-5 list-disc text-xs text-red-800">{c.violations.map((v) => <li key={v}>{v}</li>)}</ul>}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Card>
  );
}
