"use client";

import { TEXT_RULES, WHOLE_RULES } from "@fairlance/rules";
import { useQuery } from "@tanstack/react-query";
import { useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { Money } from "@/components/money";
import { Button } from "@/components/ui";
import { problemsOf, readAmount, readText, readWholeNumber } from "@/features/shared/form";
import { FormField } from "@/features/shared/form-fields";
import { readMoney } from "@/lib/money";
import { useTRPC } from "@/trpc/client";
import { formatRate } from "./format";
import { useDebounced } from "@/lib/use-debounced";

export interface MilestoneRow {
  title: string;
  amount: string;
}

/** The terms of an offer as typed: the hire page and the direct offer share them (the hire page has no title or rate of its own). */
export interface TermsValues {
  title: string;
  type: "FIXED" | "HOURLY";
  milestones: MilestoneRow[];
  rate: string;
  limit: string;
}

export type Terms = { type: "FIXED"; milestones: { title: string; amountMinor: bigint }[] } | { type: "HOURLY"; weeklyLimitHours: number; hourlyRateMinor: bigint };

/**
 * The typed terms, each problem beside its field: milestones (a title and an amount each, as
 * `MilestoneDraft` checks them) for a fixed price; the weekly limit and, when the offer names it,
 * the hourly rate for hourly.
 */
export function readTerms(values: TermsValues, { withRate }: { withRate: boolean }, check = problemsOf<TermsValues>()) {
  if (values.type === "FIXED") {
    const milestones = values.milestones.map((row, index) => ({
      title: check.take(`milestones.${index}.title`, readText(row.title, TEXT_RULES.milestoneTitle)),
      amountMinor: check.take(`milestones.${index}.amount`, readAmount(row.amount, "milestone amount")),
    }));
    return check.done<Terms>(() => ({ type: "FIXED", milestones: milestones.map((m) => ({ title: m.title!, amountMinor: m.amountMinor! })) }));
  }
  const hourlyRateMinor = withRate ? check.take("rate", readAmount(values.rate, "hourly rate")) : 0n;
  const weeklyLimitHours = check.take("limit", readWholeNumber(values.limit, WHOLE_RULES.weeklyLimitHours));
  return check.done<Terms>(() => ({ type: "HOURLY", weeklyLimitHours: weeklyLimitHours!, hourlyRateMinor: hourlyRateMinor! }));
}

/** Milestone rows with the client fee each will carry when funded, quoted by the server as they are typed. */
export function MilestoneEditor<Out>({ form }: { form: UseFormReturn<TermsValues, unknown, Out> }) {
  const trpc = useTRPC();
  const rows = useFieldArray({ control: form.control, name: "milestones" });
  const typedRows = useWatch({ control: form.control, name: "milestones" });
  // Debounce a string, not a fresh array: a new array every render would never settle.
  const typed = useDebounced(typedRows.map((row) => row.amount).join("\n"));
  const amounts = typed.split("\n").map((amount) => readMoney(amount));
  const amountsMinor = amounts.flatMap((a) => (a.ok && a.minor > 0n ? [a.minor] : []));
  const quote = useQuery({ ...trpc.contract.clientFeeQuote.queryOptions({ amountsMinor }), enabled: amountsMinor.length === rows.fields.length && amounts.length === rows.fields.length });
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">Milestones</legend>
      {rows.fields.map((row, index) => (
        <div key={row.id} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
          <FormField form={form} name={`milestones.${index}.title`} label={`Milestone ${index + 1} title`} id={`ms-title-${index}`} />
          <FormField form={form} name={`milestones.${index}.amount`} label={`Milestone ${index + 1} amount (USD)`} id={`ms-amount-${index}`} inputMode="decimal" />
          {rows.fields.length > 1 && (
            <Button type="button" variant="ghost" onClick={() => rows.remove(index)} aria-label={`Remove milestone ${index + 1}`}>
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
      <Button type="button" variant="secondary" onClick={() => rows.append({ title: "", amount: "" })} disabled={rows.fields.length >= 20}>
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
