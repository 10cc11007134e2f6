import type { ReactNode } from "react";
import { Money } from "@/components/money";
import { Alert, EmptyState, scrollRegion } from "@/components/ui";
import type { RouterOutputs } from "@/features/contracts/types";
import { formatRate } from "@/features/contracts/format";
import { formatDate } from "@/lib/format";

type Earnings = RouterOutputs["earnings"]["get"];
type History = Earnings["history"];
type Event = History["events"][number];
type States = Event["balance"];

const STATES = [
  { field: "pendingMinor", label: "Pending" },
  { field: "availableMinor", label: "Available" },
  { field: "withdrawingMinor", label: "On its way" },
  { field: "withdrawnMinor", label: "Withdrawn" },
] as const;

const PAYMENT_KIND: Record<string, string> = { MILESTONE: "Milestone paid", HOURLY: "Hourly week paid", BONUS: "Bonus paid" };

/** What happened, in words: a payment is income; every other event is money changing state. */
function title(event: Event): string {
  switch (event.kind) {
    case "payment":
      return event.payment ? (PAYMENT_KIND[event.payment.kind] ?? "Payment") : "Payment";
    case "cleared":
      return "Pending → Available";
    case "withdrawal":
      return "Withdrawal: Available → on its way";
    case "payout_sent":
      return "On its way → sent to you";
    case "payout_returned":
      return "Payout returned: on its way → Available";
    case "connects_purchase":
      return "Connects bought from Available";
    case "other":
      return event.memo;
  }
}

function Change({ minor }: { minor: bigint }) {
  if (minor === 0n) return <span className="text-slate-400">—</span>;
  return <Money minor={minor} className={minor < 0n ? "text-red-800" : "text-emerald-800"} />;
}

/** The lines under an event: a payment's gross, fee by band and net; a withdrawal's amount, method fee and net. */
function Breakdown({ event }: { event: Event }) {
  const rows: { label: ReactNode; minor: bigint; negative?: boolean }[] = [];
  if (event.payment) {
    rows.push({ label: "Gross (what the client paid for the work)", minor: event.payment.grossMinor });
    if (event.payment.bands.length > 0) {
      for (const band of event.payment.bands) rows.push({ label: <>Service fee {formatRate(band.rateBps)} of <Money minor={band.partMinor} /></>, minor: band.feeMinor, negative: true });
    } else {
      rows.push({ label: "Service fee", minor: event.payment.feeMinor, negative: true });
    }
    rows.push({ label: "Net, into Pending", minor: event.payment.netMinor });
  }
  if (event.withdrawal) {
    rows.push({ label: "Taken from Available", minor: event.withdrawal.amountMinor });
    rows.push({ label: "Payout method fee", minor: event.withdrawal.feeMinor, negative: true });
    rows.push({ label: "Net, on its way to you", minor: event.withdrawal.netMinor });
  }
  if (rows.length === 0) return null;
  return (
    <dl className="mt-1 space-y-0.5 text-xs text-slate-600">
      {rows.map((row, index) => (
        <div key={index} className="flex justify-between gap-4 sm:max-w-sm">
          <dt>{row.label}</dt>
          <dd><Money minor={row.minor} minus={row.negative} /></dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The earnings history (economy.md §4): each payment once, with its gross, fee by band and net;
 * every other event as a change of state (Pending → Available, a withdrawal on its way, sent), not
 * as income; the running balance of each state after every event; and totals that add up to the
 * balances at the top of the page.
 */
export function TransactionHistory({ earnings }: { earnings: Earnings }) {
  const history = earnings.history;
  if (history.events.length === 0) return <EmptyState title="No transactions yet">Payments and what happens to them appear here.</EmptyState>;
  const changed = (field: (typeof STATES)[number]["field"]) => history.events.reduce((sum, e) => sum + e.change[field], 0n);
  const shownAll = STATES.every(({ field }) => history.opening[field] === 0n);
  return (
    <div className="space-y-3">
      {!earnings.reconciles && <Alert tone="warning">This history does not add up to your balances. We have been told; your balances above are the ledger&apos;s.</Alert>}
      <div className="overflow-x-auto" {...scrollRegion("Earnings history")}>
        <table className="w-full text-left text-sm" data-testid="earnings-history">
          <caption className="sr-only">Earnings history, newest first: the change of each state, and each state&apos;s balance after it</caption>
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-3">Date</th>
              <th scope="col" className="py-2 pr-3">What happened</th>
              {STATES.map((s) => (
                <th key={s.field} scope="col" className="py-2 pr-3 text-right">{s.label}<span className="block font-normal normal-case">change · balance</span></th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {history.events.map((event) => (
              <tr key={event.id} className="align-top" data-kind={event.kind}>
                <td className="py-2 pr-3 sm:whitespace-nowrap">{formatDate(event.at)}</td>
                <td className="py-2 pr-3">
                  <span className="font-medium">{title(event)}</span>
                  <span className="block text-slate-600">{event.detail}</span>
                  <Breakdown event={event} />
                </td>
                {STATES.map((s) => (
                  <td key={s.field} className="whitespace-nowrap py-2 pr-3 text-right">
                    <Change minor={event.change[s.field]} />
                    <span className="block text-xs text-slate-500"><Money minor={event.balance[s.field]} /></span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t-2 border-slate-300 text-sm">
            {!shownAll && <StatesRow label="Before the oldest line shown" values={history.opening} />}
            <StatesRow label="Changes above, added up" values={{ pendingMinor: changed("pendingMinor"), availableMinor: changed("availableMinor"), withdrawingMinor: changed("withdrawingMinor"), withdrawnMinor: changed("withdrawnMinor") }} />
            <StatesRow label="Balances (as at the top of the page)" values={history.closing} strong />
          </tfoot>
        </table>
      </div>
      <p className="text-sm text-slate-700" data-testid="earnings-totals">
        In all: <Money minor={history.totals.grossMinor} /> gross − <Money minor={history.totals.feeMinor} /> service fees = <Money minor={history.totals.netMinor} /> earned
        {history.totals.payoutFeesMinor > 0n && <>; − <Money minor={history.totals.payoutFeesMinor} /> payout method fees</>}
        {history.totals.connectsMinor > 0n && <>; − <Money minor={history.totals.connectsMinor} /> connects</>}
        {" "}= <Money minor={history.closing.pendingMinor + history.closing.availableMinor + history.closing.withdrawingMinor + history.closing.withdrawnMinor} /> pending, available, on its way and withdrawn.
      </p>
    </div>
  );
}

function StatesRow({ label, values, strong = false }: { label: string; values: States; strong?: boolean }) {
  return (
    <tr className={strong ? "font-semibold" : ""}>
      <th scope="row" colSpan={2} className="py-2 pr-3 text-left font-medium">{label}</th>
      {STATES.map((s) => (
        <td key={s.field} className="whitespace-nowrap py-2 pr-3 text-right"><Money minor={values[s.field]} /></td>
      ))}
    </tr>
  );
}
