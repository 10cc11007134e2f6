"use client";

import { useState, type FormEvent } from "react";
import { Button, Field } from "@/components/ui";
import { readMoney } from "@/lib/money";

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

const select = "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm";
const money = (text: string) => (text.trim() ? readMoney(text) : { ok: true as const, minor: undefined });

/** The Find work filters; the search runs when the form is submitted. */
export function SearchFilters({ onSearch }: { onSearch: (filters: JobFilters) => void }) {
  const [form, setForm] = useState({ q: "", type: "", min: "", max: "", duration: "any", level: "", connects: "", sort: "newest" });
  const [error, setError] = useState<string | null>(null);
  const set = (name: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value });

  function submit(event: FormEvent) {
    event.preventDefault();
    const min = money(form.min);
    const max = money(form.max);
    if (!min.ok || !max.ok) return setError(!min.ok ? `Minimum budget: ${min.error}` : `Maximum budget: ${(max as { error: string }).error}`);
    setError(null);
    const { label: _label, ...duration } = DURATIONS[form.duration]!;
    onSearch({
      q: form.q.trim() || undefined,
      type: (form.type || undefined) as JobFilters["type"],
      budgetMinMinor: min.minor,
      budgetMaxMinor: max.minor,
      ...duration,
      experienceLevel: (form.level || undefined) as JobFilters["experienceLevel"],
      maxConnects: form.connects.trim() ? Math.max(0, Math.floor(Number(form.connects))) : undefined,
      sort: form.sort as JobFilters["sort"],
    });
  }

  return (
    <form onSubmit={submit} role="search" aria-label="Search jobs" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <Field id="q" label="Search" type="search" value={form.q} onChange={set("q")} placeholder='e.g. react "landing page" -wordpress' />
        </div>
        <Button type="submit">Search</Button>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Labelled id="type" label="Type">
          <select id="type" className={select} value={form.type} onChange={set("type")}>
            <option value="">Fixed price or hourly</option>
            <option value="FIXED">Fixed price</option>
            <option value="HOURLY">Hourly</option>
          </select>
        </Labelled>
        <Field id="min" label="Budget from ($)" inputMode="decimal" value={form.min} onChange={set("min")} />
        <Field id="max" label="Budget up to ($)" inputMode="decimal" value={form.max} onChange={set("max")} />
        <Labelled id="duration" label="Duration">
          <select id="duration" className={select} value={form.duration} onChange={set("duration")}>
            {Object.entries(DURATIONS).map(([value, { label }]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </Labelled>
        <Labelled id="level" label="Experience level">
          <select id="level" className={select} value={form.level} onChange={set("level")}>
            <option value="">Any level</option>
            <option value="ENTRY">Entry level</option>
            <option value="INTERMEDIATE">Intermediate</option>
            <option value="EXPERT">Expert</option>
          </select>
        </Labelled>
        <Field id="connects" label="Max connects to apply" type="number" min={0} value={form.connects} onChange={set("connects")} />
        <Labelled id="sort" label="Sort by">
          <select id="sort" className={select} value={form.sort} onChange={set("sort")}>
            <option value="newest">Newest</option>
            <option value="relevance">Best match</option>
            <option value="budget_desc">Budget: highest first</option>
            <option value="budget_asc">Budget: lowest first</option>
          </select>
        </Labelled>
      </div>
      <p className="text-xs text-slate-500">Budget of an hourly job = its maximum rate × estimated hours.</p>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </form>
  );
}

function Labelled({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      {children}
    </div>
  );
}
