"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui";
import { problemsOf, readOptionalAmount, useRulesForm } from "@/features/shared/form";
import { FormField, FormSelect } from "@/features/shared/form-fields";

export interface JobFilters {
  q?: string;
  type?: "FIXED" | "HOURLY";
  budgetMinMinor?: bigint;
  budgetMaxMinor?: bigint;
  durationMinDays?: number;
  durationMaxDays?: number;
  experienceLevel?: "ENTRY" | "INTERMEDIATE" | "EXPERT";
  maxConnects?: number;
  sort: "relevance" | "newest" | "budget_desc" | "budget_asc";
}

const DURATIONS: Record<string, { durationMinDays?: number; durationMaxDays?: number; label: string }> = {
  any: { label: "Any duration" },
  week: { durationMaxDays: 7, label: "Up to a week" },
  month: { durationMaxDays: 30, label: "Up to a month" },
  quarter: { durationMinDays: 31, durationMaxDays: 90, label: "1 to 3 months" },
  long: { durationMinDays: 91, label: "More than 3 months" },
};

interface FilterValues {
  q: string;
  type: "" | "FIXED" | "HOURLY";
  min: string;
  max: string;
  duration: string;
  level: "" | JobFilters["experienceLevel"] & string;
  connects: string;
  sort: JobFilters["sort"];
}

/** The typed filters as the search takes them; a budget must be an amount, the connects a whole number. */
function parseFilters(values: FilterValues) {
  const check = problemsOf<FilterValues>();
  const min = check.take("min", readOptionalAmount(values.min, "minimum budget"));
  const max = check.take("max", readOptionalAmount(values.max, "maximum budget"));
  if (min !== undefined && max !== undefined && max < min) check.add("max", "The maximum budget cannot be below the minimum.");
  const connects = values.connects.trim() ? check.take("connects", /^\d{1,6}$/.test(values.connects.trim()) ? { ok: true, value: Number(values.connects.trim()) } : { ok: false, error: "Enter a whole number of connects." }) : undefined;
  const { label: _label, ...duration } = DURATIONS[values.duration] ?? DURATIONS.any!;
  return check.done<JobFilters>(() => ({
    q: values.q.trim() || undefined,
    type: values.type || undefined,
    budgetMinMinor: min,
    budgetMaxMinor: max,
    ...duration,
    experienceLevel: values.level || undefined,
    maxConnects: connects,
    sort: values.sort,
  }));
}

const FILTER_FIELDS = ["type", "min", "max", "duration", "level", "connects", "sort"] as const satisfies readonly (keyof FilterValues)[];

/** The Find work filters; the search runs when the form is submitted. */
export function SearchFilters({ onSearch }: { onSearch: (filters: JobFilters) => void }) {
  const form = useRulesForm(parseFilters, { q: "", type: "", min: "", max: "", duration: "any", level: "", connects: "", sort: "newest" });
  // On a phone the filters fold behind a button so the results start on the first screen; a
  // problem in one of them unfolds them, so it is never hidden.
  const [unfolded, setUnfolded] = useState(false);
  const filtersId = useId();
  const errors = form.formState.errors;
  const open = unfolded || FILTER_FIELDS.some((name) => errors[name]);
  return (
    <form onSubmit={form.handleSubmit(onSearch)} noValidate role="search" aria-label="Search jobs" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <FormField form={form} name="q" id="q" label="Search" type="search" placeholder='e.g. react "landing page" -wordpress' />
        </div>
        <Button type="submit">Search</Button>
      </div>
      <button type="button" className="text-sm font-medium text-brand-700 hover:underline md:hidden" aria-expanded={open} aria-controls={filtersId} onClick={() => setUnfolded(!open)}>
        {open ? "Hide filters" : "Filters and sort"}
      </button>
      <div id={filtersId} className={`${open ? "grid" : "hidden"} grid-cols-2 gap-3 md:grid md:grid-cols-4`}>
        <FormSelect form={form} name="type" id="type" label="Type">
          <option value="">Fixed price or hourly</option>
          <option value="FIXED">Fixed price</option>
          <option value="HOURLY">Hourly</option>
        </FormSelect>
        <FormField form={form} name="min" id="min" label="Budget from ($)" inputMode="decimal" />
        <FormField form={form} name="max" id="max" label="Budget up to ($)" inputMode="decimal" />
        <FormSelect form={form} name="duration" id="duration" label="Duration">
          {Object.entries(DURATIONS).map(([value, { label }]) => <option key={value} value={value}>{label}</option>)}
        </FormSelect>
        <FormSelect form={form} name="level" id="level" label="Experience level">
          <option value="">Any level</option>
          <option value="ENTRY">Entry level</option>
          <option value="INTERMEDIATE">Intermediate</option>
          <option value="EXPERT">Expert</option>
        </FormSelect>
        <FormField form={form} name="connects" id="connects" label="Max connects to apply" type="number" min={0} />
        <FormSelect form={form} name="sort" id="sort" label="Sort by">
          <option value="newest">Newest</option>
          <option value="relevance">Best match</option>
          <option value="budget_desc">Budget: highest first</option>
          <option value="budget_asc">Budget: lowest first</option>
        </FormSelect>
      </div>
      <p className={`${open ? "block" : "hidden"} text-xs text-slate-500 md:block`}>Budget of an hourly job = its maximum rate × estimated hours.</p>
    </form>
  );
}

