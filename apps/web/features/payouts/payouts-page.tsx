"use client";

import { useQuery } from "@tanstack/react-query";
import { Money } from "@/components/money";
import { Alert, Card, EmptyState, Skeleton, Stat } from "@/components/ui";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDate } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";
import { AddPayoutMethodForm } from "./add-payout-method-form";
import { AutoWithdrawalForm } from "./auto-withdrawal-form";
import { KIND_LABEL } from "./labels";
import { WithdrawForm } from "./withdraw-form";
import { formatCount } from "@fairlance/rules";

const STATUS = { PROCESSING: "On its way", SENT: "Sent", FAILED: "Failed, returned to Available" } as const;

export function PayoutsPage() {
  const trpc = useTRPC();
  const overview = useQuery(trpc.payout.overview.queryOptions());
  if (overview.isPending) return <Skeleton className="h-64 w-full" />;
  if (overview.isError) return <ErrorAlert error={overview.error} />;
  const o = overview.data;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Withdraw</h1>
      {o.payoutsHeld && (
        <Alert tone="warning">
          An admin holds your payouts since {formatDate(o.payoutsHeld.since)}: {o.payoutsHeld.reason}. Your balance stays yours, but withdrawals, automatic
          ones included, wait until the hold is released.
        </Alert>
      )}
      <dl className="grid gap-3 sm:grid-cols-2">
        <Stat label="Available" value={<Money minor={o.availableMinor} />} hint={`Withdraw from ${formatMoney(o.withdrawalMinimumMinor)}; a withdrawal must pay at least ${formatMoney(o.minimumNetMinor)} after its method's fee`} />
        <Stat label="Automatic withdrawals" value={o.auto ? "On" : "Off"} hint={o.auto ? `Next run ${formatDate(o.auto.nextRunAt)}` : `Threshold at least ${formatMoney(o.autoThresholdMinimumMinor)}`} />
      </dl>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card title="Withdraw now"><WithdrawForm overview={o} /></Card>
        <Card title="Payout methods">
          {o.methods.length === 0 ? (
            <div className="mb-4">
              <EmptyState title="No payout method yet">Add one below; it becomes usable after {formatCount(o.waitingDays, "day")}.</EmptyState>
            </div>
          ) : (
            <ul className="mb-4 divide-y divide-slate-100 text-sm">
              {o.methods.map((m) => (
                <li key={m.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span><span className="font-medium">{m.label}</span> · {KIND_LABEL[m.kind]} · fee <Money minor={m.feeMinor} /></span>
                  <span className={m.usable ? "text-emerald-800" : "text-amber-800"}>{m.usable ? "Usable" : `Usable from ${formatDate(m.usableFrom)}`}</span>
                </li>
              ))}
            </ul>
          )}
          <AddPayoutMethodForm fees={o.feesByKind} waitingDays={o.waitingDays} />
        </Card>
        <Card title="Automatic withdrawals"><AutoWithdrawalForm overview={o} /></Card>
        <Card title="Past withdrawals">
          {o.withdrawals.length === 0 ? (
            <EmptyState title="No withdrawals yet" />
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {o.withdrawals.map((w) => (
                <li key={w.id} className="py-2">
                  {formatDate(w.createdAt)} · <Money minor={w.amountMinor} /> − fee <Money minor={w.feeMinor} /> = <Money minor={w.netMinor} className="font-semibold" /> to {w.methodLabel} · {STATUS[w.status]}
                  {w.automatic && " (automatic)"}
                  {w.failureReason && <span className="block text-red-800">{w.failureReason}</span>}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
