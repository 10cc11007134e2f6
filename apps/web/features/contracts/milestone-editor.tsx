"use client";

import { useQuery } from "@tanstack/react-query";
import { Money } from "@/components/money";
import { Button, Field } from "@/components/ui";
import { readMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";
import { formatRate } from "./format";
import { useDebounced } from "@/lib/use-debounced";

export interface MilestoneRow {
  title: string;
  amount: string;
}

/** Parses the typed rows: the milestones to send, or the first problem as a sentence. */
export function readMilestones(rows: MilestoneRow[]): { ok: true; milestones: { title: string; amountMinor: bigint }[] } | { ok: false; error: string } {
  const milestones = [];
  for (const [index, row] of rows.entries()) {
    if (!row.title.trim()) return { ok: false, error: `Give milestone ${index + 1} a title.` };
    const money = readMoney(row.amount);
    if (!money.ok) return { ok: false, error: `Milestone ${index + 1}: ${money.error}` };
    milestones.push({ title: row.title.trim(), amountMinor: money.minor });
  }
  return { ok: true, milestones };
}

/** Milestone rows with the client fee each will carry when funded, quoted by the server as they are typed. */
export function MilestoneEditor({ rows, onChange }: { rows: MilestoneRow[]; onChange: (rows: MilestoneRow[]) => void }) {
  const trpc = useTRPC();
  // Debounce a string, not a fresh array: a new array every render would never settle.
  const typed = useDebounced(rows.map((row) => row.amount).join("\n"));
  const amounts = typed.split("\n").map((amount) => readMoney(amount));
  const amountsMinor = amounts.flatMap((a) => (a.ok && a.minor > 0n ? [a.minor] : []));
  const quote = useQuery({ ...trpc.contract.clientFeeQuote.queryOptions({ amountsMinor }), enabled: amountsMinor.length === rows.length && amounts.length === rows.length });
  const set = (index: number, patch: Partial<MilestoneRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">Milestones</legend>
      {rows.map((row, index) => (
        <div key={index} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
          <Field label={`Milestone ${index + 1} title`} id={`ms-title-${index}`} value={row.title} onChange={(e) => set(index, { title: e.target.value })} required />
          <Field label={`Milestone ${index + 1} amount (USD)`} id={`ms-amount-${index}`} inputMode="decimal" value={row.amount} onChange={(e) => set(index, { amount: e.target.value })} required />
          {rows.length > 1 && (
            <Button type="button" variant="ghost" onClick={() => onChange(rows.filter((_, i) => i !== index))} aria-label={`Remove milestone ${index + 1}`}>
              Remove
            </Button>
          )}
          {quote.data?.lines[index] && (
            <p className="text-xs text-slate-600 sm:col-span-3">
              When funded: <Money minor={quote.data.lines[index].amountMinor} /> + client fee <Money minor={quote.data.lines[index].feeMinor} /> ={" "}
              <Money minor={quote.data.lines[index].totalMinor} className="font-semibold" />
            </p>
          )}
        </div>
      ))}
      <Button type="button" variant="secondary" onClick={() => onChange([...rows, { title: "", amount: "" }])} disabled={rows.length >= 20}>
        Add another milestone
      </Button>
      {quote.data && (
        <p className="text-sm text-slate-700" aria-live="polite">
          Each milestone is at least <Money minor={quote.data.milestoneMinimumMinor} />. Client fee {formatRate(quote.data.clientFeeBps)}: funding all of them charges{" "}
          <Money minor={quote.data.totalMinor} className="font-semibold" /> in total (<Money minor={quote.data.amountMinor} /> + <Money minor={quote.data.feeMinor} /> fees). Nothing is charged until you fund a milestone.
        </p>
      )}
    </fieldset>
  );
}
