"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Money } from "@/components/money";
import { Alert, Card, EmptyState, Skeleton, Stat, scrollRegion } from "@/components/ui";
import type { RouterOutputs } from "@/features/contracts/types";
import { ErrorAlert } from "@/features/shared/error-message";
import { formatDate } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";

type Statement = RouterOutputs["billing"]["statement"];
const COLUMNS = [
  { field: "chargedMinor", label: "Charged" },
  { field: "refundedMinor", label: "Refunded" },
  { field: "inEscrowMinor", label: "In escrow" },
  { field: "paidMinor", label: "Paid to freelancers" },
  { field: "clientFeesMinor", label: "Client fees" },
] as const;
const EVENT: Record<Statement["events"][number]["kind"], string> = {
  funded: "Funded into escrow",
  bonus: "Bonus paid",
  released: "Escrow released to the freelancer",
  refunded: "Escrow refunded to your card",
  other: "Other",
};

/**
 * Where the client's money is (economy.md §3.3): the summary, then every event with its change and
 * the running amounts after it; the last line is the summary. Releasing escrow charges nothing: it
 * moves money from escrow to the freelancer.
 */
function Statement({ statement }: { statement: Statement }) {
  const c = statement.closing;
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Paid in total" value={<Money minor={c.chargedMinor - c.refundedMinor} />} hint={`${formatMoney(c.chargedMinor)} charged − ${formatMoney(c.refundedMinor)} refunded`} />
        <Stat label="In escrow" value={<Money minor={c.inEscrowMinor} />} hint="Released when you approve" />
        <Stat label="Paid to freelancers" value={<Money minor={c.paidMinor} />} hint="Released escrow and bonuses" />
        <Stat label="Client fees" value={<Money minor={c.clientFeesMinor} />} hint="Refunded with refunded escrow" />
      </dl>
      {statement.inDispute.length > 0 && (
        <ul className="space-y-1 text-sm" aria-label="Escrow in dispute">
          {statement.inDispute.map((d) => (
            <li key={d.disputeId}>
              Of the escrow, <Money minor={d.amountMinor} /> for {d.detail} is in dispute since {formatDate(d.openedAt)}:{" "}
              <Link href={`/disputes/${d.disputeId}`} className="text-brand-700 underline">frozen until it is decided, settled or withdrawn</Link>
            </li>
          ))}
        </ul>
      )}
      {!statement.reconciles && <Alert tone="warning">This statement does not add up to the ledger. We have been told.</Alert>}
      {statement.events.length > 0 && (
        <div className="overflow-x-auto" {...scrollRegion("Billing statement")}>
          <table className="w-full text-left text-sm" data-testid="billing-statement">
            <caption className="sr-only">Every money event of your contracts, newest first: the change, and the amounts after it</caption>
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-2 pr-3">Date</th>
                <th scope="col" className="py-2 pr-3">What happened</th>
                {COLUMNS.map((col) => <th key={col.field} scope="col" className="py-2 pr-3 text-right">{col.label}<span className="block font-normal normal-case">change · after</span></th>)}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {statement.events.map((event) => (
                <tr key={event.id} className="align-top">
                  <td className="whitespace-nowrap py-2 pr-3">{formatDate(event.at)}</td>
                  <td className="py-2 pr-3"><span className="font-medium">{EVENT[event.kind]}</span><span className="block text-slate-600">{event.detail}</span></td>
                  {COLUMNS.map((col) => (
                    <td key={col.field} className="whitespace-nowrap py-2 pr-3 text-right">
                      {event.change[col.field] === 0n ? <span className="text-slate-400">—</span> : <Money minor={event.change[col.field]} />}
                      <span className="block text-xs text-slate-500"><Money minor={event.balance[col.field]} /></span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t-2 border-slate-300 font-semibold">
              <tr>
                <th scope="row" colSpan={2} className="py-2 pr-3 text-left">Now (as in the summary)</th>
                {COLUMNS.map((col) => <td key={col.field} className="whitespace-nowrap py-2 pr-3 text-right"><Money minor={c[col.field]} /></td>)}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      <p className="text-sm text-slate-600">
        <Money minor={c.chargedMinor} /> charged − <Money minor={c.refundedMinor} /> refunded = <Money minor={c.inEscrowMinor} /> in escrow + <Money minor={c.paidMinor} /> paid to freelancers + <Money minor={c.clientFeesMinor} /> client fees.
      </p>
    </div>
  );
}

export function BillingHistory() {
  const trpc = useTRPC();
  const history = useQuery(trpc.billing.history.queryOptions());
  const statement = useQuery(trpc.billing.statement.queryOptions());
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Billing</h1>
        <Link href="/billing/methods" className="text-sm font-medium text-brand-700 underline">
          Payment methods
        </Link>
      </div>
      <Card title="Where your money is">
        {statement.isPending ? <Skeleton className="h-32 w-full" /> : statement.isError ? <ErrorAlert error={statement.error} /> : <Statement statement={statement.data} />}
      </Card>
      <Card title="Card charges and refunds">
        {history.isPending ? (
          <Skeleton className="h-32 w-full" />
        ) : history.isError ? (
          <ErrorAlert error={history.error} />
        ) : history.data.length === 0 ? (
          <EmptyState title="Nothing charged yet">Funding a milestone, an hourly invoice or a bonus appears here with its purpose.</EmptyState>
        ) : (
          <div className="overflow-x-auto" {...scrollRegion("Card charges and refunds")}>
            <table className="w-full text-left text-sm" data-testid="billing-charges">
              <caption className="sr-only">Every card charge and refund, newest first</caption>
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-3">Date</th>
                  <th scope="col" className="py-2 pr-3">What for</th>
                  <th scope="col" className="hidden py-2 pr-3 sm:table-cell">Card</th>
                  <th scope="col" className="py-2 text-right">Amount</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {history.data.map((line) => (
                  <tr key={line.id}>
                    <td className="whitespace-nowrap py-2 pr-3">{formatDate(line.at)}</td>
                    <td className="py-2 pr-3">
                      <span className={line.kind === "refund" ? "font-medium text-emerald-800" : ""}>{line.kind === "refund" ? "Refund: " : "Charge: "}</span>
                      {line.description}
                    </td>
                    <td className="hidden py-2 pr-3 text-slate-500 sm:table-cell">{line.card ?? "—"}</td>
                    <td className="whitespace-nowrap py-2 text-right">
                      <Money minor={line.amountMinor} className={line.kind === "refund" ? "text-emerald-800" : ""} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
