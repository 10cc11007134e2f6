"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Money } from "@/components/money";
import { Alert, Button, Card, EmptyState, Skeleton, scrollRegion } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/trpc/client";

const at = formatDateTime;

/**
 * The gateway's books against ours: the latest reconciliation (run daily by the job runner, or
 * now with the button) and the refunds still owed to cards after refused transactions.
 */
export function GatewayFollowUp() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const followUp = useQuery(trpc.admin.ledger.gatewayFollowUp.queryOptions());
  const run = useMutation(trpc.admin.ledger.reconcile.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.admin.ledger.gatewayFollowUp.pathFilter()) }));
  const report = followUp.data?.report;
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <Card title="Reconciliation with the gateway">
        <p className="text-sm text-slate-600">The gateway&apos;s charges, refunds and payouts matched with the charges and withdrawals we recorded. The job runner runs it daily.</p>
        <div className="mt-3">
          <Button onClick={() => run.mutate({})} disabled={run.isPending}>{run.isPending ? "Reconciling…" : "Run reconciliation now"}</Button>
        </div>
        <div aria-live="polite" className="mt-3 space-y-3 text-sm" data-testid="reconciliation-report">
          <ErrorAlert error={run.error ?? followUp.error} />
          {followUp.isPending && <Skeleton className="h-24 w-full" />}
          {followUp.data && !report && <EmptyState title="Not reconciled yet">Run it now, or wait for the runner&apos;s daily run.</EmptyState>}
          {report && (
            <>
              <Alert tone={report.orphanCount === 0 ? "success" : "warning"}>
                {report.orphanCount === 0 ? "Everything matches." : `${report.orphanCount} orphan${report.orphanCount === 1 ? "" : "s"} to look into.`}{" "}
                {report.trigger === "SCHEDULED" ? "Daily run" : `Run by ${report.requestedBy ?? "an admin"}`} of {at(report.now)}.
              </Alert>
              <dl className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-3">
                {[
                  ["Matched", report.matched],
                  ["Gateway charges", report.gatewayCharges],
                  ["Gateway refunds", report.gatewayRefunds],
                  ["Gateway payouts", report.gatewayPayouts],
                  ["Refunded, never recorded", report.refundedUnrecorded],
                  ["Awaiting a refund", report.awaitingRefund],
                  ["Still in flight", report.inFlight],
                ].map(([label, value]) => (
                  <div key={label}>
                    <dt className="text-xs text-slate-500">{label}</dt>
                    <dd className="font-semibold tabular-nums">{value}</dd>
                  </div>
                ))}
              </dl>
              {report.orphans.length > 0 && (
                <div className="overflow-x-auto" {...scrollRegion("Reconciliation orphans")}>
                  <table className="w-full min-w-[32rem] text-left text-sm" data-testid="reconciliation-orphans">
                    <caption className="sr-only">Orphans of the latest reconciliation</caption>
                    <thead className="text-xs uppercase text-slate-500">
                      <tr>{["What", "Gateway ref", "Amount", "Why"].map((h) => <th key={h} scope="col" className="py-1 pr-3">{h}</th>)}</tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {report.orphans.map((orphan) => (
                        <tr key={`${orphan.kind}:${orphan.ref}`} className="align-top">
                          <td className="py-2 pr-3">{orphan.label}</td>
                          <td className="break-all py-2 pr-3 font-mono text-xs">{orphan.ref}</td>
                          <td className="whitespace-nowrap py-2 pr-3 text-right font-semibold"><Money minor={orphan.amountMinor} /></td>
                          <td className="py-2 text-xs text-slate-600">{orphan.reason}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          )}
        </div>
      </Card>
      <Card title="Refunds owed to cards">
        <p className="text-sm text-slate-600">
          A card charged for an operation that then refused is refunded at once, and so is escrow given back by a refund, a decision or an ending; when the gateway does not take a refund, it waits here and the job runner retries it, under the same key, until it goes through. The ledger never recorded the first kind of charge; it already shows the second as refunded.
        </p>
        <div className="mt-3 space-y-3 text-sm">
          {followUp.isPending && <Skeleton className="h-24 w-full" />}
          {followUp.data && (
            <>
              <p>
                <span className="font-semibold">{followUp.data.pendingCount}</span> pending, <Money minor={followUp.data.pendingMinor} className="font-semibold" /> in all.
              </p>
              {followUp.data.refunds.length === 0 ? (
                <EmptyState title="No refunds owed" />
              ) : (
                <div className="overflow-x-auto" {...scrollRegion("Refunds owed to cards")}>
                  <table className="w-full min-w-[32rem] text-left text-sm" data-testid="pending-refunds">
                    <caption className="sr-only">Refunds owed to cards, pending first</caption>
                    <thead className="text-xs uppercase text-slate-500">
                      <tr>{["Charge", "Amount", "Status", "Attempts", "Next try or done"].map((h) => <th key={h} scope="col" className="py-1 pr-3">{h}</th>)}</tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {followUp.data.refunds.map((refund) => (
                        <tr key={refund.id} className="align-top">
                          <td className="py-2 pr-3"><span className="break-all font-mono text-xs">{refund.chargeRef}</span><div className="text-xs text-slate-500">{refund.reason}</div></td>
                          <td className="whitespace-nowrap py-2 pr-3 text-right font-semibold"><Money minor={refund.amountMinor} /></td>
                          <td className="py-2 pr-3">{refund.status === "PENDING" ? "Pending" : refund.status === "REFUNDED" ? "Refunded" : "Kept (recorded by a replay)"}</td>
                          <td className="py-2 pr-3 tabular-nums">{refund.attempts}</td>
                          <td className="py-2 text-xs">
                            {refund.status === "PENDING" ? at(refund.nextAttemptAt) : refund.refundedAt ? at(refund.refundedAt) : "—"}
                            {refund.status === "PENDING" && refund.lastError && <div className="text-red-800">{refund.lastError}</div>}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          )}
        </div>
      </Card>
    </div>
  );
}
