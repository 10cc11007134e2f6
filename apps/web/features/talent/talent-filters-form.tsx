"use client";

import { useId, useState } from "react";
import { AVAILABILITY, AVAILABILITY_LABELS } from "@fairlance/rules";
import { Button } from "@/components/ui";
import { useRulesForm } from "@/features/shared/form";
import { FormField, FormSelect } from "@/features/shared/form-fields";
import { EMPTY_TALENT_FILTERS, parseTalentFilters, type TalentFilters, type TalentFilterValues } from "./talent-filter-values";

const FILTER_FIELDS = ["rateMin", "rateMax", "minScore", "skills", "availability", "earnings", "sort"] as const satisfies readonly (keyof TalentFilterValues)[];

/** Talent search's form: words, then the filters and the sort; the search runs on submit. */
export function TalentFiltersForm({ onSearch }: { onSearch: (filters: TalentFilters) => void }) {
  const form = useRulesForm(parseTalentFilters, EMPTY_TALENT_FILTERS);
  // On a phone the filters fold behind a button (as Find work's do); a problem in one unfolds them.
  const [unfolded, setUnfolded] = useState(false);
  const filtersId = useId();
  const errors = form.formState.errors;
  const open = unfolded || FILTER_FIELDS.some((name) => errors[name]);
  return (
    <form onSubmit={form.handleSubmit(onSearch)} noValidate role="search" aria-label="Search freelancers" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <FormField form={form} name="q" id="talent-q" label="Search" type="search" placeholder='e.g. react "design system" -wordpress' hint="Words in the title count most, then skills, then the overview." />
        </div>
        <Button type="submit" className="sm:mb-6">Search</Button>
      </div>
      <button type="button" className="text-sm font-medium text-brand-700 hover:underline md:hidden" aria-expanded={open} aria-controls={filtersId} onClick={() => setUnfolded(!open)}>
        {open ? "Hide filters" : "Filters and sort"}
      </button>
      <div id={filtersId} className={`${open ? "grid" : "hidden"} grid-cols-2 gap-3 md:grid md:grid-cols-4`}>
        <FormField form={form} name="rateMin" id="talent-rate-min" label="Rate from ($/hr)" inputMode="decimal" />
        <FormField form={form} name="rateMax" id="talent-rate-max" label="Rate up to ($/hr)" inputMode="decimal" />
        <FormField form={form} name="minScore" id="talent-min-score" label="Job Success at least (%)" inputMode="numeric" />
        <FormField form={form} name="skills" id="talent-skills" label="Skills (comma-separated)" placeholder="React, WCAG" />
        <FormSelect form={form} name="availability" id="talent-availability" label="Availability">
          <option value="">Any availability</option>
          {AVAILABILITY.map((value) => <option key={value} value={value}>{AVAILABILITY_LABELS[value]}</option>)}
        </FormSelect>
        <FormSelect form={form} name="earnings" id="talent-earnings" label="Earnings">
          <option value="">With or without earnings</option>
          <option value="yes">Has earned on Fairlance</option>
          <option value="no">No earnings yet</option>
        </FormSelect>
        <FormSelect form={form} name="sort" id="talent-sort" label="Sort by">
          <option value="relevance">Best match</option>
          <option value="score">Job Success Score</option>
        </FormSelect>
      </div>
      <p className={`${open ? "block" : "hidden"} text-xs text-slate-500 md:block`}>A minimum score leaves out freelancers who have no score yet.</p>
    </form>
  );
}
